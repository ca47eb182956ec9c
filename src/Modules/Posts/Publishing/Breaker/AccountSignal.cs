using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Publishing.Breaker;

/// <summary>What an attempt's outcome says about the account (not about the post).</summary>
internal enum AccountSignal
{
    /// <summary>The platform took the call and answered about the post itself: the account works.</summary>
    Works,
    /// <summary>A timeout, a 5xx, a lost answer, the platform's rate limit, an expired or revoked token.</summary>
    Unhealthy,
    /// <summary>
    /// Nothing to learn: our own limiter refused before sending, or a permanent refusal, which mixes the post's faults
    /// (a bad request) with the account's (a missing permission) and fails the target for good anyway.
    /// </summary>
    Silent,
}

internal static class AccountSignals
{
    public static AccountSignal Of(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.Published => AccountSignal.Works,
        PublishOutcome.Refused { Kind: PlatformErrorKind.ContentRejected } => AccountSignal.Works,
        PublishOutcome.Unknown => AccountSignal.Unhealthy,
        PublishOutcome.Refused { Kind: PlatformErrorKind.Transient or PlatformErrorKind.RateLimited or PlatformErrorKind.TokenExpired or PlatformErrorKind.TokenRevoked }
            => AccountSignal.Unhealthy,
        _ => AccountSignal.Silent,
    };
}
