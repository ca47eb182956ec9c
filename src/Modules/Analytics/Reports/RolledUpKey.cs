namespace Platform.Analytics.Reports;

/// <summary>What the roll-up part of a report depends on: one tenant's roll-ups as of one watermark, read for one query.</summary>
internal sealed record RolledUpKey(
    string Grain, Guid TenantId, string TimeZone, DateTimeOffset RolledUpTo, DateOnly From, DateOnly LastDay, string? Platform, Guid? AccountId);
