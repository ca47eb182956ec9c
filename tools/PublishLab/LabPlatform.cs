using Platform.PlatformServers.Hosting;
using Platform.PlatformServers.LinkedIn;
using Platform.PlatformServers.Meta;
using Platform.PlatformServers.Pinterest;
using Platform.PlatformServers.Reddit;
using Platform.PlatformServers.TikTok;
using Platform.PlatformServers.X;
using Platform.PlatformServers.YouTube;

namespace Platform.PublishLab;

/// <summary>
/// One platform's documented local server as the lab drives it: the host settings that point the host at it, the
/// post a lab post becomes there (its type, media and target fields), the steps whose answer is held late, and what
/// the server holds (never our records).
/// </summary>
internal abstract class LabPlatform(PlatformServer server) : IAsyncDisposable
{
    /// <summary>Every platform the lab can run through the host's API, by the name the settings use.</summary>
    public static readonly IReadOnlyList<string> Names = ["X", "Facebook", "LinkedIn", "Threads", "Reddit", "Instagram", "TikTok", "YouTube", "Pinterest"];

    public PlatformServer Server { get; } = server;

    public abstract string Name { get; }

    public string Slug => Name.ToLowerInvariant();

    /// <summary>Whether the success of <paramref name="step"/> creates the post: its answer is the one held late.</summary>
    public abstract bool IsAcceptStep(string step);

    /// <summary>What the server holds now, as the ledger compares it.</summary>
    public abstract IReadOnlyList<ReceivedPost> Held();

    /// <summary>The post's type as the API names it (text unless the platform needs media).</summary>
    public virtual string PostType => "text";

    /// <summary>The post's media, by URL on the lab's <paramref name="origin"/> (none unless the platform needs it).</summary>
    public virtual IReadOnlyList<object> Media(MediaOrigin origin) => [];

    /// <summary>A target of <paramref name="account"/> carrying <paramref name="text"/> and whatever else the platform requires.</summary>
    public virtual object Target(Guid account, string text) => new { accountId = account, customContent = text };

    /// <summary>Anything the platform needs to know from the connected account before posting (a Pinterest board).</summary>
    public virtual Task PrepareAsync(string host, LabTenant tenant, Guid account) => Task.CompletedTask;

    /// <summary>Settings beyond endpoints and credentials (as <c>Platforms__{Name}__key</c>); the server learns of <paramref name="origin"/> here too.</summary>
    protected virtual IReadOnlyDictionary<string, string> Extra(MediaOrigin origin) => new Dictionary<string, string>();

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
            "instagram" => new InstagramLab(),
            "tiktok" => new TikTokLab(),
            "youtube" => new YouTubeLab(),
            "pinterest" => new PinterestLab(),
            _ => throw new ArgumentException($"Unknown platform '{name}': one of {string.Join(", ", Names)}."),
        };
        await platform.Server.StartAsync();
        return platform;
    }

    public Dictionary<string, string> HostSettings(MediaOrigin origin)
    {
        var prefix = $"Platforms__{Name}__";
        var settings = new Dictionary<string, string>
        {
            [prefix + "ClientId"] = Server.Grants.ClientId,
            [prefix + "ClientSecret"] = Server.Grants.ClientSecret,
            [prefix + "PollIntervalSeconds"] = "0",
            [prefix + "MaxPolls"] = "5",
        };
        foreach (var (key, value) in Server.Endpoints.Concat(Extra(origin)))
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

    /// <summary>A media item given by URL, as the API takes one that is not in the tenant's library.</summary>
    protected static object ImageAt(MediaOrigin origin) =>
        new { url = origin.ImageUrl, kind = "image", contentType = "image/jpeg", sizeBytes = MediaOrigin.Image.Length };

    protected static object VideoAt(MediaOrigin origin) =>
        new { url = origin.VideoUrl, kind = "video", contentType = "video/mp4", sizeBytes = MediaOrigin.Video.Length, durationSeconds = LabMediaFiles.VideoSeconds };

    private sealed class XLab() : LabPlatform(new XServer())
    {
        private XServer X => (XServer)Server;
        public override string Name => "X";
        public override bool IsAcceptStep(string step) => step == XServer.Steps.CreateTweet;
        protected override IReadOnlyList<string> DefaultLimits => ["PublishPerAccount", "PublishPerApp"];
        public override IReadOnlyList<ReceivedPost> Held() => [.. X.Tweets.Select(t => new ReceivedPost(t.AuthorId, t.Text, t.Id, t.CreatedAt))];
    }

    private sealed class FacebookLab() : LabPlatform(new FacebookServer())
    {
        private FacebookServer Facebook => (FacebookServer)Server;
        public override string Name => "Facebook";
        public override bool IsAcceptStep(string step) => step == FacebookServer.Steps.FeedPost;
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. Facebook.Posts.Select(p => new ReceivedPost(p.OwnerId, p.Text ?? "", p.Id, p.CreatedAt))];
    }

    private sealed class LinkedInLab() : LabPlatform(new LinkedInServer())
    {
        private LinkedInServer LinkedIn => (LinkedInServer)Server;
        public override string Name => "LinkedIn";
        public override bool IsAcceptStep(string step) => step == LinkedInServer.Steps.CreatePost;
        // Finding a member's posts after a lost answer needs r_member_social, which LinkedIn grants only to approved
        // apps (https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api, "Permissions").
        protected override IReadOnlyDictionary<string, string> Extra(MediaOrigin origin) => new Dictionary<string, string>
        {
            ["Scopes"] = "openid profile w_member_social r_member_social",
        };
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. LinkedIn.Posts.Select(p => new ReceivedPost(p.Author, p.Commentary, p.Id, p.CreatedAt))];
    }

    private sealed class ThreadsLab : LabPlatform
    {
        // The server's 250 posts per 24 hours (threads_publishing_limit) would end a run of more trials than that.
        public ThreadsLab() : base(new ThreadsServer()) => Threads.PublishingLimit = int.MaxValue;
        private ThreadsServer Threads => (ThreadsServer)Server;
        public override string Name => "Threads";
        public override bool IsAcceptStep(string step) => step == ThreadsServer.Steps.Publish;
        protected override IReadOnlyList<string> DefaultLimits => ["PublishPerAccount"];
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. Threads.Threads.Select(t => new ReceivedPost(t.OwnerId, t.Text ?? "", t.Id, t.CreatedAt))];
    }

    private sealed class RedditLab() : LabPlatform(new RedditServer())
    {
        private RedditServer Reddit => (RedditServer)Server;
        public override string Name => "Reddit";
        public override bool IsAcceptStep(string step) => step == RedditServer.Steps.Submit;
        protected override IReadOnlyList<string> DefaultLimits => ["CallsPerApp"];
        // The contact Reddit's required User-Agent names (https://github.com/reddit-archive/reddit/wiki/API).
        protected override IReadOnlyDictionary<string, string> Extra(MediaOrigin origin) => new Dictionary<string, string> { ["Username"] = "publish_lab" };
        public override object Target(Guid account, string text) =>
            new { accountId = account, customContent = text, title = "Publish lab", subreddit = "test" };
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. Reddit.Posts.Select(p => new ReceivedPost(p.Author, p.Text ?? "", p.Id, p.Created, p.Fullname))];
    }

    /// <summary>An image post: Instagram fetches the JPEG when the container is made, then media_publish creates the post.</summary>
    private sealed class InstagramLab : LabPlatform
    {
        // The server's 100 posts per 24 hours (content-publishing "Rate Limit") would end a run of more trials than that.
        public InstagramLab() : base(new InstagramServer()) => Instagram.PublishingLimit = int.MaxValue;
        private InstagramServer Instagram => (InstagramServer)Server;
        public override string Name => "Instagram";
        public override bool IsAcceptStep(string step) => step == InstagramServer.Steps.Publish;
        public override string PostType => "image";
        public override IReadOnlyList<object> Media(MediaOrigin origin) => [ImageAt(origin)];
        protected override IReadOnlyList<string> DefaultLimits => ["PublishPerAccount"];
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. Instagram.Media.Select(m => new ReceivedPost(m.OwnerId, m.Text ?? "", m.Id, m.CreatedAt))];
    }

    /// <summary>
    /// A video Direct Post that TikTok pulls from the lab's origin (PULL_FROM_URL needs the URL prefix verified for the
    /// app, https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide), public so the creator's video
    /// list shows it when an answer was lost.
    /// </summary>
    private sealed class TikTokLab() : LabPlatform(new TikTokServer())
    {
        private TikTokServer TikTok => (TikTokServer)Server;
        public override string Name => "TikTok";
        public override bool IsAcceptStep(string step) => step == TikTokServer.Steps.Init;
        public override string PostType => "video";
        public override IReadOnlyList<object> Media(MediaOrigin origin) => [VideoAt(origin)];
        public override object Target(Guid account, string text) => new { accountId = account, customContent = text, privacyLevel = "PUBLIC_TO_EVERYONE" };
        protected override IReadOnlyList<string> DefaultLimits => ["PublishPerAccount"];
        protected override IReadOnlyDictionary<string, string> Extra(MediaOrigin origin)
        {
            TikTok.VerifiedUrlPrefixes.Add(origin.Url + "/");
            return new Dictionary<string, string> { ["VerifiedUrlPrefixes"] = origin.Url + "/" };
        }
        // Every init TikTok accepted is a post it will publish; its id is the post id once published, the publish_id before.
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. TikTok.Publishes.Select(p => new ReceivedPost(TikTok.OpenId, p.Title, p.PostId ?? p.PublishId, p.CreatedAt, p.PublishId))];
    }

    /// <summary>A video the host downloads from the lab's origin and sends through a resumable upload session; the last chunk creates it.</summary>
    private sealed class YouTubeLab() : LabPlatform(new YouTubeServer())
    {
        private YouTubeServer YouTube => (YouTubeServer)Server;
        public override string Name => "YouTube";
        // The lab's video goes in one PUT; a resumed upload after a kill sends the rest in a later one.
        public override bool IsAcceptStep(string step) => Enumerable.Range(1, 4).Any(n => step == YouTubeServer.Steps.Chunk(n));
        public override string PostType => "video";
        public override IReadOnlyList<object> Media(MediaOrigin origin) => [VideoAt(origin)];
        public override object Target(Guid account, string text) => new { accountId = account, customContent = text, title = "Publish lab" };
        protected override IReadOnlyList<string> DefaultLimits => ["PublishPerApp"];
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. YouTube.Videos.Select(v => new ReceivedPost(v.ChannelId, v.Description, v.Id, v.PublishedAt))];
    }

    /// <summary>An image pin (the image by URL) on a board the lab reads from the account's boards through the API.</summary>
    private sealed class PinterestLab() : LabPlatform(new PinterestServer())
    {
        private string? board;
        private PinterestServer Pinterest => (PinterestServer)Server;
        public override string Name => "Pinterest";
        public override bool IsAcceptStep(string step) => step == PinterestServer.Steps.CreatePin;
        public override string PostType => "image";
        public override IReadOnlyList<object> Media(MediaOrigin origin) => [ImageAt(origin)];
        public override object Target(Guid account, string text) =>
            new { accountId = account, customContent = text, boardId = board ?? throw new InvalidOperationException("No board chosen yet.") };
        public override async Task PrepareAsync(string host, LabTenant tenant, Guid account) =>
            board = (await LabApi.BoardsAsync(host, tenant, account)).FirstOrDefault()
                ?? throw new InvalidOperationException("The Pinterest account has no board to pin to.");
        public override IReadOnlyList<ReceivedPost> Held() =>
            [.. Pinterest.Pins.Select(p => new ReceivedPost(p.BoardId, p.Description ?? "", p.Id, p.CreatedAt))];
    }
}
