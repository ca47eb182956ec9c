namespace Platform.AI.Generation;

/// <summary>What a platform accepts, so generated text fits where it will be posted.</summary>
internal sealed record PlatformRules(string Name, int MaxChars, int MaxHashtags, string HashtagAdvice);

internal static class SocialPlatforms
{
    private static readonly PlatformRules[] All =
    [
        new("instagram", 2200, 30, "up to 30 hashtags; 5-10 relevant ones work best, at the end"),
        new("x", 280, 2, "1-2 hashtags inside the 280 characters"),
        new("linkedin", 3000, 5, "3-5 professional hashtags at the end"),
        new("facebook", 63206, 3, "at most 2-3 hashtags"),
        new("tiktok", 2200, 5, "3-5 trending, specific hashtags"),
        new("youtube", 5000, 15, "up to 15 hashtags; the first 3 show above the title"),
        new("pinterest", 500, 5, "2-5 descriptive hashtags"),
        new("threads", 500, 1, "a single topic tag"),
        new("reddit", 40000, 0, "no hashtags: Reddit does not use them"),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase) { ["twitter"] = "x" };

    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    public static PlatformRules? Find(string name)
    {
        var key = Aliases.GetValueOrDefault(name, name);
        return All.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsKnown(string name) => Find(name) is not null;

    /// <summary>The strictest rules across the targets: text that fits them fits everywhere.</summary>
    public static PlatformRules Strictest(IEnumerable<string> names)
    {
        var rules = names.Select(Find).OfType<PlatformRules>().ToList();
        return rules.Count == 0
            ? All[0]
            : new PlatformRules(
                string.Join(", ", rules.Select(r => r.Name)),
                rules.Min(r => r.MaxChars),
                rules.Min(r => r.MaxHashtags),
                string.Join("; ", rules.Select(r => $"{r.Name}: {r.HashtagAdvice}")));
    }
}
