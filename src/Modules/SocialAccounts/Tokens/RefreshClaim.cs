using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Tokens;

/// <summary>What asking to refresh an account's tokens gave: the refresh to do, one under way elsewhere, or nothing to do.</summary>
internal sealed record RefreshClaim(RefreshClaimOutcome Outcome, Guid Id, SocialPlatform Platform, AccountCredentials? Credentials,
    DateTimeOffset? LastRefreshedAt, DateTimeOffset? BusyUntil)
{
    public static readonly RefreshClaim NotNeeded = new(RefreshClaimOutcome.NotNeeded, Guid.Empty, default, null, null, null);

    public static RefreshClaim Busy(DateTimeOffset until) => new(RefreshClaimOutcome.Busy, Guid.Empty, default, null, null, until);

    /// <param name="lastRefreshedAt">When the tokens being refreshed were stored: a refusal is the account's only if no refresh has stored others since.</param>
    public static RefreshClaim Claimed(Guid id, SocialPlatform platform, AccountCredentials credentials, DateTimeOffset? lastRefreshedAt) =>
        new(RefreshClaimOutcome.Claimed, id, platform, credentials, lastRefreshedAt, null);
}
