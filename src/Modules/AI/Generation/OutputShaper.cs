using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.AI.Contracts;
using Platform.AI.Providers;

namespace Platform.AI.Generation;

/// <summary>
/// Turns any provider's text into the request type's output and enforces the target platforms' rules on it,
/// whatever the model did: text cut to fit every target as SocialAccounts counts it, hashtags normalised and capped.
/// Captions and hashtags say how many were <c>requested</c> and how many are <c>returned</c>: a model may give fewer
/// distinct ones, and a platform may allow fewer hashtags, and the caller must not have to count to notice.
/// </summary>
internal static partial class OutputShaper
{
    public static JsonObject Shape(AiTask task, TargetRules rules, ProviderResponse response, string provider)
    {
        JsonObject output = task.Type switch
        {
            AiRequestType.Caption => Counted("captions", Captions(response.Text, task.Variants, rules), task.Variants),
            AiRequestType.Hashtags => Counted("hashtags", Hashtags(response.Text, Math.Min(task.Count, rules.MaxHashtags)), task.Count),
            AiRequestType.Content or AiRequestType.Improve => new JsonObject { ["content"] = Required(rules.Fit(response.Text), provider) },
            AiRequestType.Image => new JsonObject
            {
                ["image"] = Required(response.Text, provider),
                ["revisedPrompt"] = response.RevisedPrompt,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(task), task.Type, "Unknown request type."),
        };
        if (task.Type == AiRequestType.Caption && output["captions"]!.AsArray().Count == 0)
        {
            throw Empty(provider);
        }
        return output;
    }

    /// <summary>All the text of an output, for moderation (not the image, not the counts).</summary>
    public static string TextOf(JsonObject output) => string.Join('\n', output
        .Where(p => p.Key != "image")
        .SelectMany(p => p.Value switch
        {
            JsonArray array => array.Select(i => i?.ToString() ?? ""),
            JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => [value.ToString()],
            _ => [],
        }));

    private static JsonObject Counted(string name, IEnumerable<string> items, int requested)
    {
        var array = ToArray(items);
        return new JsonObject { [name] = array, ["requested"] = requested, ["returned"] = array.Count };
    }

    private static IEnumerable<string> Captions(string text, int variants, TargetRules rules)
    {
        var parts = VariantSeparator().Split(text.Replace("\r\n", "\n"));
        if (parts.Length == 1)
        {
            parts = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        }
        return parts
            .Select(p => Numbering().Replace(p.Trim(), "").Trim().Trim('"'))
            .Where(p => p.Length > 0)
            .Select(rules.Fit)
            .Distinct()
            .Take(variants);
    }

    private static IEnumerable<string> Hashtags(string text, int count)
    {
        var tags = HashtagPattern().Matches(text).Select(m => m.Value).ToList();
        if (tags.Count == 0)
        {
            tags = TextTools.Words(text).Select(TextTools.Hashtag).ToList();
        }
        return tags.Select(t => TextTools.Hashtag(t.TrimStart('#')))
            .Where(t => t.Length > 1)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(Math.Max(0, count));
    }

    private static JsonArray ToArray(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());

    private static string Required(string text, string provider) =>
        string.IsNullOrWhiteSpace(text) ? throw Empty(provider) : text.Trim();

    private static AiProviderException Empty(string provider) =>
        new(provider, "The provider answered with no usable content.", null, transient: false);

    [GeneratedRegex(@"^\s*-{3,}\s*$", RegexOptions.Multiline)]
    private static partial Regex VariantSeparator();

    [GeneratedRegex(@"^(\d+[.)]|[-*•]|Variant\s*\d+:?)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Numbering();

    [GeneratedRegex(@"#[\p{L}\p{N}_]+")]
    private static partial Regex HashtagPattern();
}
