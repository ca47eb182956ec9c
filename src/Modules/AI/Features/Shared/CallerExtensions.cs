using Platform.SharedKernel.Tenancy;

namespace Platform.AI.Features.Shared;

internal static class CallerExtensions
{
    public static (Guid TenantId, Guid? UserId) Caller(this ITenantContext tenant) => (tenant.RequiredTenantId, tenant.UserId);
}
