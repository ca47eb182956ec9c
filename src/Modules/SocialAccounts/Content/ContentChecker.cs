using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Content;

/// <summary>The checks platforms' content rules are made of; each adds a violation naming the field and the reason.</summary>
internal sealed class ContentChecker(PostContent content)
{
    private readonly List<ContentViolation> violations = [];

    public PostContent Content => content;

    public IReadOnlyList<ContentViolation> Violations => violations;

    public void Add(string field, string reason) => violations.Add(new(field, reason));

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
