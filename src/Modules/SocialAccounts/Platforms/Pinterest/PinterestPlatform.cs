using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Pinterest;

/// <summary>Pinterest (https://developers.pinterest.com/docs/api/v5/): a pin of one image, or a video with its cover, on one of the account's boards.</summary>
internal sealed class PinterestPlatform : PlatformDescriptor
{
    private const long MB = 1024 * 1024;

    /// <summary>Board pages read before giving up; an account with more boards than that is not one this check can vouch for.</summary>
    private const int MostBoardPages = 20;

    public override SocialPlatform Platform => SocialPlatform.Pinterest;

    public override string DisplayName => "Pinterest";

    public override Type ClientType => typeof(PinterestClient);

    public override void SetDefaults(PlatformOptions options)
    {
        options.AuthorizeUrl = "https://www.pinterest.com/oauth/";
        options.TokenUrl = "https://api.pinterest.com/v5/oauth/token";
        options.ApiBaseUrl = "https://api.pinterest.com";
        // Pinning takes boards:read, boards:write, pins:read and pins:write
        // (https://developers.pinterest.com/docs/work-with-organic-content-and-users/create-boards-and-pins/).
        options.Scopes = "boards:read,boards:write,pins:read,pins:write,user_accounts:read";
    }

    public override TextLimit Text { get; } = new(TextCounting.Graphemes, 800, "characters");

    public override void CheckContent(ContentChecker check)
    {
        var content = check.Content;
        check.Required("boardId", content.BoardId,
            "Pinterest needs the board to pin to: choose one of the account's boards (GET /api/v1/social-accounts/{id}/boards).");
        check.MaxLength("title", content.Title, TextCounting.Graphemes, 100, "characters");
        check.MaxLength("link", content.Link, TextCounting.Utf16Units, 2048, "characters");
        if (content.MediaItems is not ([{ Kind: MediaKind.Image }] or [{ Kind: MediaKind.Video }, { Kind: MediaKind.Image }]))
        {
            check.Add("media", "A pin needs one image, or one video followed by its cover image.");
        }
        else
        {
            check.MaxLength("media[0].altText", content.MediaItems[0].AltText, TextCounting.Graphemes, 500, "characters");
        }
        check.Media(MediaKind.Image, ["image/jpeg", "image/png"], null);
        check.Media(MediaKind.Video, ["video/mp4", "video/quicktime", "video/x-m4v"], 2L * 1024 * MB, 4, 15 * 60);
    }

    public override HashtagConvention Hashtags { get; } = new(5, "2-5 descriptive hashtags");

    public override ReconciliationStrategy Reconciliation => ReconciliationStrategy.RecentPosts;

    public override PlatformCapabilities Capabilities =>
        PlatformCapabilities.Images | PlatformCapabilities.Video | PlatformCapabilities.Boards | PlatformCapabilities.Metrics | PlatformCapabilities.AccountMetrics;

    /// <summary>The board named must be one of the account's.</summary>
    public override async Task<IReadOnlyList<ContentViolation>> CheckTargetAsync(TargetLookup lookup, PostContent content, CancellationToken cancellationToken) =>
        content.BoardId is { Length: > 0 }
            ? PinterestBoardRule.Check(content, await BoardIdsAsync(lookup, cancellationToken))
            : [];

    private static Task<HashSet<string>> BoardIdsAsync(TargetLookup lookup, CancellationToken cancellationToken) =>
        lookup.CachedAsync<PinterestClient, HashSet<string>>("pinterest-boards", async (client, credentials) =>
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            string? bookmark = null;
            for (var page = 0; page < MostBoardPages; page++)
            {
                var boards = await client.ListBoardsAsync(credentials, bookmark, cancellationToken);
                ids.UnionWith(boards.Boards.Select(b => b.Id));
                if ((bookmark = boards.Bookmark) is null)
                {
                    break;
                }
            }
            return ids;
        }, cancellationToken);
}
