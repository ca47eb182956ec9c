namespace Platform.SocialAccounts.Contracts;

/// <summary>A platform call failed; <see cref="Kind"/> says what the caller may do about it. Never carries tokens.</summary>
public sealed class PlatformException(SocialPlatform platform, PlatformErrorKind kind, string message, TimeSpan? retryAfter = null, string? platformCode = null)
    : Exception(message)
{
    /// <summary>
    /// <see cref="PlatformCode"/> of a refusal by our own rate limiter: nothing was sent, and the same call may be
    /// made after <see cref="RetryAfter"/>.
    /// </summary>
    public const string LocalLimitCode = "local-limit";

    public SocialPlatform Platform { get; } = platform;
    public PlatformErrorKind Kind { get; } = kind;
    public TimeSpan? RetryAfter { get; } = retryAfter;
    /// <summary>The platform's own error code, when it sent one (e.g. Graph 190, X usage-capped).</summary>
    public string? PlatformCode { get; } = platformCode;

    /// <summary>Our own limiter refused the call before anything reached the platform.</summary>
    public bool IsLocalLimit => PlatformCode == LocalLimitCode;

    /// <summary>
    /// The call failed in a step before the platform creates the post (a media upload before the create call, say): the
    /// platform has nothing from it, so a caller need not look for the post before trying again.
    /// </summary>
    public bool NothingCreated { get; init; }

    /// <summary>
    /// The platform's cap on posts per period (Instagram's and Threads' 24-hour publishing limits) refused this post and
    /// published nothing: the account works, and the post fits after <see cref="RetryAfter"/>.
    /// </summary>
    public bool PublishingLimitReached { get; init; }

    public bool IsRetryable => Kind is PlatformErrorKind.RateLimited or PlatformErrorKind.Transient or PlatformErrorKind.TokenExpired;
}
