namespace Platform.SharedKernel.Tenancy;

/// <summary>Scoped holder of the current tenant; set once per request (from the token) or per job (from its arguments).</summary>
public sealed class TenantContext : ITenantContext
{
    public Guid? TenantId { get; private set; }
    public Guid? UserId { get; private set; }

    public void Set(Guid tenantId, Guid? userId = null)
    {
        if (TenantId is { } current && current != tenantId)
        {
            throw new InvalidOperationException("The tenant of a unit of work cannot change once set.");
        }
        TenantId = tenantId;
        UserId = userId ?? UserId;
    }
}
