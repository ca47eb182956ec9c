using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Data;

/// <summary>Why a target is not published, or not yet: the platform's refusal, or a reason of our own.</summary>
internal enum TargetErrorKind
{
    /// <summary>The platform's rate limit, or our own limit for the account.</summary>
    RateLimited,
    TokenExpired,
    TokenRevoked,
    ContentRejected,
    /// <summary>A timeout or a 5xx in a step before the platform created anything.</summary>
    Transient,
    Permanent,
    /// <summary>An attempt's outcome is not known: the platform may have the post.</summary>
    Unknown,
    /// <summary>Due while no publisher ran, and found too late to be sent.</summary>
    Missed,
    /// <summary>The worker fell behind before sending: nothing was sent, it goes straight back to the queue.</summary>
    NotSent,
    /// <summary>Waiting for its account's pause to end; a resume finds the waiting targets by it.</summary>
    AccountPaused,
}

internal static class TargetErrorKinds
{
    public static TargetErrorKind From(PlatformErrorKind kind) => kind switch
    {
        PlatformErrorKind.RateLimited => TargetErrorKind.RateLimited,
        PlatformErrorKind.TokenExpired => TargetErrorKind.TokenExpired,
        PlatformErrorKind.TokenRevoked => TargetErrorKind.TokenRevoked,
        PlatformErrorKind.ContentRejected => TargetErrorKind.ContentRejected,
        PlatformErrorKind.Transient => TargetErrorKind.Transient,
        _ => TargetErrorKind.Permanent,
    };
}
