using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Gateway;

/// <summary>Stops an account-metrics call before its token or a rate-limit permit is touched: the platform has no such numbers.</summary>
internal sealed class AccountMetricsNotOfferedException(SocialPlatform platform)
    : Exception($"{platform} offers no account metrics to this integration.");
