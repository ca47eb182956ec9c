using Platform.Tenants.AiBudget;
using Platform.Tenants.Contracts;
using Platform.Tenants.Data;

namespace Platform.Tenants.Features.GetTenant;

/// <param name="AiBudgetLimit">The tenant's own monthly AI cap below its plan's, or null (the plan's applies).</param>
/// <param name="AiUsageCurrent">AI spent and reserved this calendar month (UTC).</param>
internal sealed record TenantResponse(
    Guid Id, string Name, decimal? AiBudgetLimit, decimal AiUsageCurrent, TenantSettings Settings, DateTimeOffset CreatedAt)
{
    public static TenantResponse From(Tenant tenant, DateTimeOffset now) => new(
        tenant.Id, tenant.Name, tenant.AiBudgetLimit, tenant.AiUsageIn(AiMonth.Of(now)), tenant.Settings, tenant.CreatedAt);
}
