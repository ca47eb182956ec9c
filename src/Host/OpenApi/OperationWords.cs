using System.Text.RegularExpressions;

namespace Platform.Host.OpenApi;

/// <summary>An operation id in words: <c>GetTikTokCreatorInfo</c> reads "Get TikTok creator info", <c>ListAiRequests</c> "List AI requests".</summary>
internal static partial class OperationWords
{
    // Words that keep (or take) capitals inside a sentence.
    private static readonly Dictionary<string, string> Capitalised = new(StringComparer.Ordinal)
    {
        ["Ai"] = "AI",
        ["Api"] = "API",
        ["Pinterest"] = "Pinterest",
        ["Tik"] = "Tik",
        ["Tok"] = "Tok",
    };

    public static string Of(string operationId)
    {
        var words = WordBoundary().Split(operationId)
            .Select((word, i) => Capitalised.TryGetValue(word, out var kept) ? kept : i == 0 ? word : word.ToLowerInvariant());
        return string.Join(' ', words).Replace("Tik Tok", "TikTok", StringComparison.Ordinal);
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();
}
