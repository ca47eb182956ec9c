using Platform.Tenants.Contracts;

namespace Platform.Tenants.Data;

internal sealed class Tenant
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string PlanTier { get; set; } = "free";
    public decimal AiBudgetLimit { get; set; }
    public decimal AiUsageCurrent { get; set; }
    public TenantSettings Settings { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
