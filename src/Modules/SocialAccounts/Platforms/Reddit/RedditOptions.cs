namespace Platform.SocialAccounts.Platforms.Reddit;

/// <summary>
/// What Reddit's required User-Agent is made of, section <c>Platforms:Reddit</c>: Reddit asks every client to say
/// "&lt;platform&gt;:&lt;app ID&gt;:&lt;version string&gt; (by /u/&lt;reddit username&gt;)" and drastically limits
/// generic ones (https://github.com/reddit-archive/reddit/wiki/API, "Rules").
/// </summary>
internal sealed class RedditOptions
{
    public const string Section = "Platforms:Reddit";

    /// <summary>Where the client runs; a web application says <c>web</c>.</summary>
    public string AppPlatform { get; set; } = "web";

    /// <summary>A unique name of this application.</summary>
    public string AppId { get; set; } = "platform-social-scheduler";

    public string AppVersion { get; set; } = "v1.0";

    /// <summary>The Reddit user Reddit may contact about this application (without <c>/u/</c>).</summary>
    public string Username { get; set; } = "";

    /// <summary>Reddit is in use once its app has a client id; only then must the User-Agent be complete.</summary>
    public string ClientId { get; set; } = "";

    public string UserAgent => $"{AppPlatform}:{AppId}:{AppVersion} (by /u/{Username})";
}
