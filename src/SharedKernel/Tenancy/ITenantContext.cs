namespace Platform.SharedKernel.Tenancy;

/// <summary>The tenant (and user) the current unit of work acts for. Null tenant means "none": RLS then shows nothing.</summary>
public interface ITenantContext
{
    Guid? TenantId { get; }
    Guid? UserId { get; }

    Guid RequiredTenantId => TenantId ?? throw new InvalidOperationException("No tenant is set for this unit of work.");
}
