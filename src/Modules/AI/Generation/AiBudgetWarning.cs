using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Platform.AI.Contracts;

namespace Platform.AI.Generation;

/// <summary>When the month's AI usage is nearly spent: the reservation that carries it past 80 % of the limit warns, once a month.</summary>
internal static class AiBudgetWarning
{
    public const int ThresholdPercent = 80;

    /// <summary>True for the change that takes usage from below the threshold to at or above it (never for a limit of zero).</summary>
    public static bool Crossed(decimal limit, decimal usageBefore, decimal usageAfter)
    {
        var threshold = limit * ThresholdPercent / 100m;
        return limit > 0 && usageBefore < threshold && usageAfter >= threshold;
    }

    public static AiBudgetNearlySpent For(Guid tenantId, DateTimeOffset at, decimal limit, decimal usage)
    {
        var month = at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return new AiBudgetNearlySpent
        {
            // Usage falls back below the line when a reservation is released and may cross it again: same month, same event.
            EventId = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"ai-budget-nearly-spent\n{tenantId:N}\n{month}")).AsSpan(0, 16)),
            TenantId = tenantId,
            OccurredAt = at,
            Month = month,
            ThresholdPercent = ThresholdPercent,
            LimitUsd = limit,
            UsageUsd = usage,
        };
    }
}
