using Platform.PlatformServers.Hosting;
using Platform.PlatformServers.LinkedIn;
using Platform.PlatformServers.Meta;
using Platform.PlatformServers.Reddit;
using Platform.PlatformServers.X;

namespace Platform.PublishLab;

/// <summary>
/// One platform's documented local server as the lab drives it: the host settings that point the host at it, the
/// target fields a post needs there, the step whose answer is held late, and what the server holds (never our records).
/// </summary>
internal abstract class LabPlatform(PlatformServer server) : IAsyncDisposable
{
    /// <summary>Every platform the lab can run through the host's API, by the name the settings use.</summary>
    public static readonly IReadOnlyList<string> Names = ["X", "Facebook", "LinkedIn", "Threads", "Reddit"];

    /// <summary>
    /// Platforms whose posts need media: the API takes media only at https URLs (PostPayload's rule), and the
    /// documented servers serve media over plain http, so the lab cannot publish to them through the API yet.
    /// </summary>
    public static readonly IReadOnlyList<string> NeedingHttpsMedia = ["Instagram", "TikTok", "YouTube", "Pinterest"];

    public PlatformServer Server { get; } = server;

    public abstract string Name { get; }

    public string Slug => Name.ToLowerInvariant();

    /// <summary>The step whose success creates the post: its answer is the one held late.</summary>
    public abstract string AcceptStep { get; }

    /// <summary>What the server holds now, as the ledger compares it.</summary>
    public abstract IReadOnlyList<ReceivedPost> Held();

    /// <summary>A target of <paramref name="account"/> carrying <paramref name="text"/> and whatever else the platform requires.</summary>
    public virtual object Target(Guid account, string text) => new { accountId = account, customContent = text };

    /// <summary>Settings beyond endpoints and credentials (as <c>Platforms__{Name}__key</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string> Extra => new Dictionary<string, string>();

    /// <summary>The host's default limits of this platform (README, Platforms:&lt;Platform&gt;:Limits), lifted: the lab publishes through one account.</summary>
    protected virtual IReadOnlyList<string> DefaultLimits => [];

    public static async Task<LabPlatform> StartAsync(string name)
    {
        LabPlatform platform = name.ToLowerInvariant() switch
        {
            "x" => new XLab(),
            "facebook" => new FacebookLab(),
            "linkedin" => new LinkedInLab(),
            "threads" => new ThreadsLab(),
            "reddit" => new RedditLab(),
            _ => throw new ArgumentException($"Unknown or unsupported platform '{name}': one of {string.Join(", ", Names)}."),
        };
        await platform.Server.StartAsync();
        return platform;
    }

    public Dictionary<string, string> HostSettings()
    {
        var prefix = $"Platforms__{Name}__";
        var settings = new Dictionary<string, string>
        {
            [prefix + "ClientId"] = Server.Grants.ClientId,
            [prefix + "ClientSecret"] = Server.Grants.ClientSecret,
            [prefix + "PollIntervalSeconds"] = "0",
            [prefix + "MaxPolls"] = "5",
        };
        foreach (var (key, value) in Server.Endpoints.Concat(Extra))
        {
            settings[prefix + key] = value;
        }
        foreach (var limit in DefaultLimits)
        {
            settings[$"{prefix}Limits__{limit}__Limit"] = "0";
        }
        return settings;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private sealed class XLab() : LabPlatform(new XServer())
    {
        private XServer X => (XServer)Server;
        public override string Name => "X";
        public override string AcceptStep => XServer.Steps.CreateTweet;
        protected override IReadOnlyList<string> DefaultLimits => ["PublishPerAccount", "PublishPerApp"];
        public override IReadOnlyList<ReceivedPost> Held() => [.. X.Tweets.Select(t => new ReceivedPost(t.AuthorId, t.Text, t.Id, t.CreatedAt))];
    }

    private sealed class FacebookLab() : LabPlatform(new FacebookServer())
    {
        private FacebookServer Facebook => (FacebookServer)Server;
        public override string Name => "Facebook";
        public override string AcceptStep => FacebookServer.Steps.FeedPost;
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. Facebook.Posts.Select(p => new ReceivedPost(p.OwnerId, p.Text ?? "", p.Id, p.CreatedAt))];
    }

    private sealed class LinkedInLab() : LabPlatform(new LinkedInServer())
    {
        private LinkedInServer LinkedIn => (LinkedInServer)Server;
        public override string Name => "LinkedIn";
        public override string AcceptStep => LinkedInServer.Steps.CreatePost;
        // Finding a member's posts after a lost answer needs r_member_social, which LinkedIn grants only to approved
        // apps (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api, "Permissions").
        protected override IReadOnlyDictionary<string, string> Extra => new Dictionary<string, string>
        {
            ["Scopes"] = "openid profile w_member_social r_member_social",
        };
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. LinkedIn.Posts.Select(p => new ReceivedPost(p.Author, p.Commentary, p.Id, p.CreatedAt))];
    }

    private sealed class ThreadsLab() : LabPlatform(new ThreadsServer())
    {
        private ThreadsServer Threads => (ThreadsServer)Server;
        public override string Name => "Threads";
        public override string AcceptStep => ThreadsServer.Steps.Publish;
        protected override IReadOnlyList<string> DefaultLimits => ["PublishPerAccount"];
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. Threads.Threads.Select(t => new ReceivedPost(t.OwnerId, t.Text ?? "", t.Id, t.CreatedAt))];
    }

    private sealed class RedditLab() : LabPlatform(new RedditServer())
    {
        private RedditServer Reddit => (RedditServer)Server;
        public override string Name => "Reddit";
        public override string AcceptStep => RedditServer.Steps.Submit;
        protected override IReadOnlyList<string> DefaultLimits => ["CallsPerApp"];
        // The contact Reddit's required User-Agent names (https://github.com/reddit-archive/reddit/wiki/API).
        protected override IReadOnlyDictionary<string, string> Extra => new Dictionary<string, string> { ["Username"] = "publish_lab" };
        public override object Target(Guid account, string text) =>
            new { accountId = account, customContent = text, title = "Publish lab", subreddit = "test" };
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. Reddit.Posts.Select(p => new ReceivedPost(p.Author, p.Text ?? "", p.Id, p.Created, p.Fullname))];
    }
}
