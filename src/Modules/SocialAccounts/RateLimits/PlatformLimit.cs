using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.RateLimits;

/// <summary>One limit of a platform: calls of an operation (every call when null) per account or per app, and where it comes from (the page that documents it, or the setting that changed it).</summary>
internal sealed record PlatformLimit(SocialPlatform Platform, PlatformOperation? Operation, LimitScope Scope, int Limit, TimeSpan Window, string Source)
{
    /// <summary>The limit's key under <c>Platforms:&lt;Platform&gt;:Limits</c>: <c>PublishPerAccount</c>, <c>ReadPerApp</c>, <c>CallsPerApp</c>...</summary>
    public string Name => NameOf(Operation, Scope);

    public static string NameOf(PlatformOperation? operation, LimitScope scope) => $"{operation?.ToString() ?? "Calls"}Per{scope}";
}
