using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Content;

/// <summary>
/// Each platform's publishing rules (docs/adr/0003 lists the sources), checked before anything is sent. A rule that
/// reflects what this integration supports rather than the platform says so in its reason.
/// </summary>
internal sealed class ContentRules : IContentRules
{
    private const long MB = 1024 * 1024;

    // A post's text as each platform counts and limits it: Check, CountLength and MaxTextLength all read this one table.
    private static readonly Dictionary<SocialPlatform, TextLimit> TextLimits = new()
    {
        [SocialPlatform.X] = new(TextCounting.XWeighted, 280, "weighted characters (URLs count 23, emoji and CJK 2)"),
        [SocialPlatform.LinkedIn] = new(TextCounting.Graphemes, 3000, "characters"),
        [SocialPlatform.Facebook] = new(TextCounting.Graphemes, 63206, "characters"),
        [SocialPlatform.Instagram] = new(TextCounting.Graphemes, 2200, "characters"),
        [SocialPlatform.Threads] = new(TextCounting.Threads, 500, "characters (emoji count their UTF-8 bytes)"),
        [SocialPlatform.TikTok] = new(TextCounting.Utf16Units, 2200, "characters"),
        [SocialPlatform.YouTube] = new(TextCounting.Utf8Bytes, 5000, "bytes (UTF-8)"),
        [SocialPlatform.Pinterest] = new(TextCounting.Graphemes, 800, "characters"),
        [SocialPlatform.Reddit] = new(TextCounting.Graphemes, 40000, "characters"),
    };

    public int CountLength(SocialPlatform platform, string text) => TextLimits[platform].Count(text);

    public int MaxTextLength(SocialPlatform platform) => TextLimits[platform].Max;

    public ContentCheck Check(SocialPlatform platform, PostContent content)
    {
        var violations = new List<ContentViolation>();
        var check = new Checker(violations, content);
        var text = TextLimits[platform];
        // X: what is counted is what is sent, the appended link included.
        var sent = platform == SocialPlatform.X ? XPostText.Compose(content.Text, content.Link) : content.Text;
        check.MaxLength("text", sent, text.Count, text.Max, text.Unit);
        switch (platform)
        {
            case SocialPlatform.X:
                check.TextOrMedia();
                if (check.NoMixing())
                {
                    var media = content.MediaItems;
                    check.MaxCount(media.Count(m => m.Kind == MediaKind.Image), 4, "images");
                    check.MaxCount(media.Count(m => m.Kind is MediaKind.Video or MediaKind.Gif), 1, "videos or GIFs");
                    if (media.Any(m => m.Kind is MediaKind.Video or MediaKind.Gif) && media.Count > 1)
                    {
                        violations.Add(new("media", "X allows one video or one GIF per post, not with other media."));
                    }
                }
                check.Media(MediaKind.Image, ["image/jpeg", "image/png", "image/gif", "image/webp"], 5 * MB);
                check.Media(MediaKind.Gif, ["image/gif"], 15 * MB);
                check.Media(MediaKind.Video, ["video/mp4"], 512 * MB, 0.5, 140);
                break;
            case SocialPlatform.LinkedIn:
                check.TextOrMedia();
                check.MaxCount(content.MediaItems.Count, 1, "media items");
                check.Media(MediaKind.Image, ["image/jpeg", "image/png", "image/gif"], null);
                check.Media(MediaKind.Video, ["video/mp4"], 500 * MB, 3, 30 * 60);
                check.Media(MediaKind.Gif, ["image/gif"], null);
                break;
            case SocialPlatform.Facebook:
                if (string.IsNullOrWhiteSpace(content.Text) && string.IsNullOrWhiteSpace(content.Link) && content.MediaItems.Count == 0)
                {
                    violations.Add(new("text", "A Facebook post needs text, a link or media."));
                }
                if (content.MediaItems.Count > 1 && content.MediaItems.Any(m => m.Kind == MediaKind.Video))
                {
                    violations.Add(new("media", "A Facebook video is posted alone; several media items must all be photos."));
                }
                check.Media(MediaKind.Image, ["image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff"], null);
                check.Media(MediaKind.Gif, ["image/gif"], null);
                break;
            case SocialPlatform.Instagram:
                check.MediaRequired("Instagram has no text-only posts");
                check.MaxCount(content.MediaItems.Count, 10, "carousel items");
                if (content.MediaItems.Count > 1 && content.MediaItems.Any(m => m.Kind != MediaKind.Image))
                {
                    violations.Add(new("media", "Carousel items must be images in this integration."));
                }
                check.Forbid(MediaKind.Gif, "Instagram does not take GIFs");
                check.Media(MediaKind.Image, ["image/jpeg"], 8 * MB);
                check.Media(MediaKind.Video, ["video/mp4", "video/quicktime"], 1024 * MB, 3, 15 * 60);
                break;
            case SocialPlatform.Threads:
                check.TextOrMedia();
                check.MaxCount(content.MediaItems.Count, 1, "media items (this integration posts one image or video)");
                check.Forbid(MediaKind.Gif, "Threads takes JPEG/PNG images or videos");
                check.Media(MediaKind.Image, ["image/jpeg", "image/png"], 8 * MB);
                check.Media(MediaKind.Video, ["video/mp4", "video/quicktime"], 1024 * MB, null, 5 * 60);
                break;
            case SocialPlatform.TikTok:
                // TikTok's content sharing guidelines: the user picks the privacy level, with no default (https://developers.tiktok.com/doc/content-sharing-guidelines).
                check.Required("privacyLevel", content.PrivacyLevel,
                    "TikTok needs the privacy level the user chose, one of the creator's options (GET /api/v1/social-accounts/{id}/tiktok/creator-info).");
                check.MediaRequired("TikTok has no text-only posts");
                check.NoMixing();
                check.MaxCount(content.MediaItems.Count(m => m.Kind == MediaKind.Video), 1, "videos");
                check.MaxCount(content.MediaItems.Count(m => m.Kind == MediaKind.Image), 35, "photos");
                check.Forbid(MediaKind.Gif, "TikTok takes videos or JPEG/WEBP photos");
                check.Media(MediaKind.Image, ["image/jpeg", "image/webp"], 20 * MB);
                check.Media(MediaKind.Video, ["video/mp4", "video/quicktime", "video/webm"], null, 3, 10 * 60);
                break;
            case SocialPlatform.YouTube:
                check.Required("title", content.Title, "YouTube needs a video title.");
                check.MaxLength("title", content.Title, TextCounting.Graphemes, 100, "characters");
                check.NoAngleBrackets("title", content.Title);
                check.NoAngleBrackets("text", content.Text);
                if (content.MediaItems is not [{ Kind: MediaKind.Video }])
                {
                    violations.Add(new("media", "YouTube needs exactly one video."));
                }
                check.Media(MediaKind.Video, ["video/*", "application/octet-stream"], null);
                break;
            case SocialPlatform.Pinterest:
                check.Required("boardId", content.BoardId,
                    "Pinterest needs the board to pin to: choose one of the account's boards (GET /api/v1/social-accounts/{id}/boards).");
                check.MaxLength("title", content.Title, TextCounting.Graphemes, 100, "characters");
                check.MaxLength("link", content.Link, TextCounting.Utf16Units, 2048, "characters");
                if (content.MediaItems is not ([{ Kind: MediaKind.Image }] or [{ Kind: MediaKind.Video }, { Kind: MediaKind.Image }]))
                {
                    violations.Add(new("media", "A pin needs one image, or one video followed by its cover image."));
                }
                else
                {
                    check.MaxLength("media[0].altText", content.MediaItems[0].AltText, TextCounting.Graphemes, 500, "characters");
                }
                check.Media(MediaKind.Image, ["image/jpeg", "image/png"], null);
                check.Media(MediaKind.Video, ["video/mp4", "video/quicktime", "video/x-m4v"], 2L * 1024 * MB, 4, 15 * 60);
                break;
            case SocialPlatform.Reddit:
                check.Required("subreddit", content.Subreddit, "Reddit needs the subreddit to post in.");
                if (!string.IsNullOrWhiteSpace(content.Subreddit) && SubredditName.Normalize(content.Subreddit) is null)
                {
                    violations.Add(new("subreddit",
                        $"'{content.Subreddit.Trim()}' is not a subreddit name: use the community's name (letters, digits, underscores; at most 21), e.g. r/AskReddit."));
                }
                check.Required("title", content.Title, "Reddit needs a post title.");
                check.MaxLength("title", content.Title, TextCounting.Graphemes, 300, "characters");
                if (content.MediaItems.Count > 0)
                {
                    violations.Add(new("media", "This integration posts Reddit text or link posts only."));
                }
                if (!string.IsNullOrWhiteSpace(content.Link) && !string.IsNullOrWhiteSpace(content.Text))
                {
                    violations.Add(new("link", "A Reddit post is either a text post or a link post, not both."));
                }
                break;
        }
        if (content.Link is { Length: > 0 } link && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            violations.Add(new("link", "The link must be an absolute http(s) URL."));
        }
        return new ContentCheck(platform, violations);
    }

    private sealed record TextLimit(Func<string, int> Count, int Max, string Unit);

    private sealed class Checker(List<ContentViolation> violations, PostContent content)
    {
        public void TextOrMedia()
        {
            if (string.IsNullOrWhiteSpace(content.Text) && content.MediaItems.Count == 0)
            {
                violations.Add(new("text", "The post needs text or media."));
            }
        }

        public void MediaRequired(string reason)
        {
            if (content.MediaItems.Count == 0)
            {
                violations.Add(new("media", $"Media is required: {reason}."));
            }
        }

        public void Required(string field, string? value, string reason)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                violations.Add(new(field, reason));
            }
        }

        public void MaxLength(string field, string? value, Func<string, int> count, int max, string unit)
        {
            if (value is not null && count(value) is var length && length > max)
            {
                violations.Add(new(field, $"Too long: {length} {unit}, at most {max}."));
            }
        }

        public void NoAngleBrackets(string field, string? value)
        {
            if (value is not null && value.AsSpan().IndexOfAny('<', '>') >= 0)
            {
                violations.Add(new(field, "May not contain < or >."));
            }
        }

        public void MaxCount(int count, int max, string what)
        {
            if (count > max)
            {
                violations.Add(new("media", $"Too many {what}: {count}, at most {max}."));
            }
        }

        public bool NoMixing()
        {
            var hasImages = content.MediaItems.Any(m => m.Kind == MediaKind.Image);
            var hasMotion = content.MediaItems.Any(m => m.Kind is MediaKind.Video or MediaKind.Gif);
            if (hasImages && hasMotion)
            {
                violations.Add(new("media", "Images cannot be mixed with videos or GIFs."));
                return false;
            }
            return true;
        }

        public void Forbid(MediaKind kind, string reason)
        {
            if (content.MediaItems.Any(m => m.Kind == kind))
            {
                violations.Add(new("media", $"{kind} media is not accepted: {reason}."));
            }
        }

        public void Media(MediaKind kind, string[] types, long? maxBytes, double? minSeconds = null, double? maxSeconds = null)
        {
            for (var i = 0; i < content.MediaItems.Count; i++)
            {
                var item = content.MediaItems[i];
                if (item.Kind != kind)
                {
                    continue;
                }
                var type = item.ContentType.ToLowerInvariant();
                if (!types.Any(t => t == type || (t.EndsWith("/*", StringComparison.Ordinal) && type.StartsWith(t[..^1], StringComparison.Ordinal))))
                {
                    violations.Add(new($"media[{i}].contentType", $"{item.ContentType} is not accepted; use {string.Join(", ", types)}."));
                }
                if (maxBytes is { } max && item.SizeBytes > max)
                {
                    violations.Add(new($"media[{i}].sizeBytes", $"Too large: {item.SizeBytes} bytes, at most {max}."));
                }
                if (item.DurationSeconds is { } seconds && ((minSeconds is { } min && seconds < min) || (maxSeconds is { } longest && seconds > longest)))
                {
                    violations.Add(new($"media[{i}].durationSeconds", $"Duration {seconds}s is outside {minSeconds ?? 0}–{maxSeconds?.ToString() ?? "∞"}s."));
                }
            }
        }
    }
}
