using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms;

/// <summary>
/// One platform's app credentials and endpoints, section <c>Platforms:&lt;Platform&gt;</c> (env <c>Platforms__X__ApiBaseUrl</c>).
/// Defaults are the platforms' production endpoints; tests point every one at a local server.
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

    // Bound once per configuration and platform: binding by reflection on every call cost more than the call's own work.
    private static readonly ConditionalWeakTable<IConfiguration, ConcurrentDictionary<SocialPlatform, PlatformOptions>> Bound = new();

    public static PlatformOptions For(SocialPlatform platform, IConfiguration configuration) =>
        Bound.GetOrCreateValue(configuration).GetOrAdd(platform, p =>
        {
            var options = Defaults(p);
            configuration.GetSection($"Platforms:{p}").Bind(options);
            return options;
        });

    private const string GraphVersion = "v25.0";

    private static PlatformOptions Defaults(SocialPlatform platform) => platform switch
    {
        SocialPlatform.X => new()
        {
            AuthorizeUrl = "https://x.com/i/oauth2/authorize",
            TokenUrl = "https://api.x.com/2/oauth2/token",
            RevokeUrl = "https://api.x.com/2/oauth2/revoke",
            ApiBaseUrl = "https://api.x.com",
            Scopes = "tweet.read tweet.write users.read media.write offline.access",
        },
        SocialPlatform.LinkedIn => new()
        {
            AuthorizeUrl = "https://www.linkedin.com/oauth/v2/authorization",
            TokenUrl = "https://www.linkedin.com/oauth/v2/accessToken",
            ApiBaseUrl = "https://api.linkedin.com",
            Scopes = "openid profile w_member_social",
            ApiVersion = "202610",
        },
        SocialPlatform.Facebook => new()
        {
            AuthorizeUrl = $"https://www.facebook.com/{GraphVersion}/dialog/oauth",
            TokenUrl = $"https://graph.facebook.com/{GraphVersion}/oauth/access_token",
            ApiBaseUrl = $"https://graph.facebook.com/{GraphVersion}",
            Scopes = "pages_show_list,pages_manage_posts,pages_read_engagement,publish_video",
        },
        SocialPlatform.Instagram => new()
        {
            AuthorizeUrl = $"https://www.facebook.com/{GraphVersion}/dialog/oauth",
            TokenUrl = $"https://graph.facebook.com/{GraphVersion}/oauth/access_token",
            ApiBaseUrl = $"https://graph.facebook.com/{GraphVersion}",
            RefreshUrl = "https://graph.instagram.com/refresh_access_token",
            Scopes = "instagram_basic,instagram_content_publish,instagram_manage_insights,pages_show_list,pages_read_engagement",
        },
        SocialPlatform.Threads => new()
        {
            AuthorizeUrl = "https://threads.com/oauth/authorize",
            TokenUrl = "https://graph.threads.net/oauth/access_token",
            ApiBaseUrl = "https://graph.threads.net",
            Scopes = "threads_basic,threads_content_publish,threads_manage_insights",
        },
        SocialPlatform.TikTok => new()
        {
            AuthorizeUrl = "https://www.tiktok.com/v2/auth/authorize/",
            TokenUrl = "https://open.tiktokapis.com/v2/oauth/token/",
            RevokeUrl = "https://open.tiktokapis.com/v2/oauth/revoke/",
            ApiBaseUrl = "https://open.tiktokapis.com",
            Scopes = "user.info.basic,video.publish,video.list",
        },
        SocialPlatform.YouTube => new()
        {
            AuthorizeUrl = "https://accounts.google.com/o/oauth2/v2/auth",
            TokenUrl = "https://oauth2.googleapis.com/token",
            RevokeUrl = "https://oauth2.googleapis.com/revoke",
            ApiBaseUrl = "https://www.googleapis.com",
            Scopes = "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly",
        },
        SocialPlatform.Pinterest => new()
        {
            AuthorizeUrl = "https://www.pinterest.com/oauth/",
            TokenUrl = "https://api.pinterest.com/v5/oauth/token",
            ApiBaseUrl = "https://api.pinterest.com",
            // Pinning takes boards:read, boards:write, pins:read and pins:write
            // (https://developers.pinterest.com/docs/work-with-organic-content-and-users/create-boards-and-pins/).
            Scopes = "boards:read,boards:write,pins:read,pins:write,user_accounts:read",
        },
        SocialPlatform.Reddit => new()
        {
            AuthorizeUrl = "https://www.reddit.com/api/v1/authorize",
            TokenUrl = "https://www.reddit.com/api/v1/access_token",
            RevokeUrl = "https://www.reddit.com/api/v1/revoke_token",
            ApiBaseUrl = "https://oauth.reddit.com",
            Scopes = "identity submit read history",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };
}
