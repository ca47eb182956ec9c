using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.RateLimits;

namespace Platform.SocialAccounts.Platforms;

/// <summary>
/// Everything the module knows about one platform, kept next to its client: identity, OAuth and API defaults, limits,
/// content rules, hashtag conventions, how a lost answer is looked for, what it can do and which client speaks to it.
/// <see cref="PlatformCatalog"/> finds every descriptor; nothing outside a platform's folder names a platform.
/// </summary>
internal abstract class PlatformDescriptor
{
    public abstract SocialPlatform Platform { get; }

    public abstract string DisplayName { get; }

    /// <summary>The configuration section its <see cref="PlatformOptions"/> are bound from (env <c>Platforms__X__ApiBaseUrl</c>).</summary>
    public string OptionsSection => $"Platforms:{Platform}";

    /// <summary>The platform's production OAuth endpoints, API base and default scopes; configuration may override each.</summary>
    public abstract void SetDefaults(PlatformOptions options);

    /// <summary>The <see cref="IPlatformClient"/> that speaks the platform's API, built as a typed HttpClient.</summary>
    public abstract Type ClientType { get; }

    /// <summary>The documented limits, enforced before calling; configuration may change, add or remove one.</summary>
    public virtual IReadOnlyList<PlatformLimit> Limits => [];

    /// <summary>How long a post's text may be, in the platform's own way of counting.</summary>
    public abstract TextLimit Text { get; }

    /// <summary>The text the post really carries, which is the text counted.</summary>
    public virtual string? SentText(PostContent content) => content.Text;

    /// <summary>The platform's rules for everything but the text's length and the link's form.</summary>
    public abstract void CheckContent(ContentChecker check);

    public abstract HashtagConvention Hashtags { get; }

    public abstract ReconciliationStrategy Reconciliation { get; }

    public abstract PlatformCapabilities Capabilities { get; }

    /// <summary>Whether the long-lived access token is refreshed with itself rather than with a refresh token.</summary>
    public virtual bool RefreshesItsOwnToken => false;

    /// <summary>What the platform must be asked about a target before it is accepted (a board, a subreddit, the creator's options).</summary>
    public virtual Task<IReadOnlyList<ContentViolation>> CheckTargetAsync(TargetLookup lookup, PostContent content, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContentViolation>>([]);

    public bool Can(PlatformCapabilities capability) => (Capabilities & capability) == capability;
}
