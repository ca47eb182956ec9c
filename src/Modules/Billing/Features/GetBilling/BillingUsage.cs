namespace Platform.Billing.Features.GetBilling;

/// <summary>
/// What the tenant uses of its limits. Null means not counted by billing yet (seats, posts, AI spend, storage and API keys
/// are counted by their own modules and will be reported here when those expose their totals).
/// </summary>
internal sealed record BillingUsage(int ConnectedAccounts, int? Seats, int? PostsThisMonth, decimal? AiSpentUsdThisMonth, long? MediaStorageBytes, int? ApiKeys);
