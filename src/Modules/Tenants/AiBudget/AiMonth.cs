namespace Platform.Tenants.AiBudget;

/// <summary>AI budgets run per calendar month in UTC; the same month SQL computes as <see cref="Sql"/>.</summary>
internal static class AiMonth
{
    public const string Sql = "date_trunc('month', now() AT TIME ZONE 'UTC')::date";

    /// <summary>What the tenant row's usage counts in the current month, and nothing when it counts an earlier one.</summary>
    public const string UsageSql = $"CASE WHEN ai_usage_month = {Sql} THEN ai_usage_current ELSE 0 END";

    public static DateOnly Of(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }
}
