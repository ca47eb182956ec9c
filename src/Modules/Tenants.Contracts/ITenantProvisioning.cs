namespace Platform.Tenants.Contracts;

/// <summary>Creates a tenant inside the caller's unit of work, so it commits or rolls back with the rest of a registration.</summary>
public interface ITenantProvisioning
{
    /// <remarks>The unit of work must already act for <paramref name="tenantId"/>.</remarks>
    Task CreateAsync(Guid tenantId, string name, CancellationToken cancellationToken);
}
