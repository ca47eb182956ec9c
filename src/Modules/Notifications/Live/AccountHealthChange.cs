namespace Platform.Notifications.Live;

/// <summary>The data of an <c>account</c> event: which account, its new health and why.</summary>
internal sealed record AccountHealthChange(Guid AccountId, string? Platform, AccountHealth Health, string? Reason, DateTimeOffset OccurredAt);
