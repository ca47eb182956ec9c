using Platform.Tenants.Contracts;
using Platform.Tenants.Data;

namespace Platform.Tenants.Features.GetTenant;

internal sealed record TenantResponse(
    Guid Id, string Name, string PlanTier, decimal AiBudgetLimit, decimal AiUsageCurrent, TenantSettings Settings, DateTimeOffset CreatedAt)
{
    public static TenantResponse From(Tenant tenant) => new(
        tenant.Id, tenant.Name, tenant.PlanTier, tenant.AiBudgetLimit, tenant.AiUsageCurrent, tenant.Settings, tenant.CreatedAt);
}
