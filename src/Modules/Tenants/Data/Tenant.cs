using Platform.Tenants.Contracts;

namespace Platform.Tenants.Data;

internal sealed class Tenant
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>A cap on AI spending per month the tenant keeps below its plan's; null for none.</summary>
    public decimal? AiBudgetLimit { get; set; }

    /// <summary>AI spent and reserved in <see cref="AiUsageMonth"/>.</summary>
    public decimal AiUsageCurrent { get; set; }

    /// <summary>The first day of the calendar month (UTC) <see cref="AiUsageCurrent"/> counts.</summary>
    public DateOnly? AiUsageMonth { get; set; }
    public TenantSettings Settings { get; set; } = new();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>AI spent in the month starting <paramref name="month"/>: nothing yet when the usage counts an earlier one.</summary>
    public decimal AiUsageIn(DateOnly month) => AiUsageMonth == month ? AiUsageCurrent : 0;
}
