namespace Platform.SocialAccounts.Platforms;

/// <summary>
/// One platform's app credentials and endpoints, section <c>Platforms:&lt;Platform&gt;</c> (env <c>Platforms__X__ApiBaseUrl</c>),
/// named after the platform. Defaults are the platforms' production endpoints, from each <see cref="PlatformDescriptor"/>;
/// tests point every one at a local server.
/// </summary>
internal sealed class PlatformOptions
{
    public string AuthorizeUrl { get; set; } = "";
    public string TokenUrl { get; set; } = "";
    public string ApiBaseUrl { get; set; } = "";
    public string? RevokeUrl { get; set; }
    /// <summary>Where a long-lived token is refreshed with itself, when that is not on the API host (Instagram's <c>ig_refresh_token</c>).</summary>
    public string? RefreshUrl { get; set; }
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>Space- or comma-separated; each client joins them the way its platform wants.</summary>
    public string Scopes { get; set; } = "";
    /// <summary>LinkedIn-Version header (YYYYMM).</summary>
    public string? ApiVersion { get; set; }
    /// <summary>Wait between checks of an asynchronous media container or upload (Meta, TikTok, Pinterest).</summary>
    public double PollIntervalSeconds { get; set; } = 30;
    public int MaxPolls { get; set; } = 10;
    /// <summary>Used when the connect request names no redirect URI.</summary>
    public string? RedirectUri { get; set; }
    /// <summary>
    /// Space- or comma-separated URL prefixes whose ownership is verified with the platform (TikTok PULL_FROM_URL);
    /// media elsewhere is uploaded instead.
    /// </summary>
    public string VerifiedUrlPrefixes { get; set; } = "";

    public IReadOnlyList<string> ScopeList => Items(Scopes);

    public bool IsVerifiedUrl(string url) => Items(VerifiedUrlPrefixes).Any(prefix => url.StartsWith(prefix, StringComparison.Ordinal));

    private static string[] Items(string list) => list.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
