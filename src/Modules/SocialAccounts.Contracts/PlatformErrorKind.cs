namespace Platform.SocialAccounts.Contracts;

/// <summary>The one taxonomy every platform failure is mapped to, so callers decide retries the same way everywhere.</summary>
public enum PlatformErrorKind
{
    /// <summary>Too many calls: retry after <see cref="PlatformException.RetryAfter"/>.</summary>
    RateLimited,
    /// <summary>The access token expired; a refresh (or a reconnect) is needed.</summary>
    TokenExpired,
    /// <summary>The user or platform withdrew the grant; only a reconnect helps.</summary>
    TokenRevoked,
    /// <summary>The platform refused this content (length, media, duplicate, policy). Never retry it unchanged.</summary>
    ContentRejected,
    /// <summary>A timeout, a 5xx or an unreadable answer: retrying later may work.</summary>
    Transient,
    /// <summary>Anything else the platform refused for good (permissions, bad request, unknown target).</summary>
    Permanent,
}
