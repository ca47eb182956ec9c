using Platform.SocialAccounts.Contracts;

namespace Platform.AI.Generation;

/// <summary>
/// What the target platforms allow, so generated text fits wherever it is posted. Lengths are SocialAccounts' rules,
/// counted the platform's way (X weighted, Threads emoji by bytes, YouTube bytes): the ones publishing enforces.
/// Hashtags follow each platform's conventions (<see cref="IHashtagConventions"/>, from SocialAccounts). Text that fits every target passes each one's check.
/// </summary>
internal sealed class TargetRules(IReadOnlyList<SocialPlatform> platforms, IContentRules content, IHashtagConventions hashtags)
{
    public string Names { get; } = string.Join(", ", platforms.Select(p => p.Slug()));

    /// <summary>The smallest limit, for the prompt; <see cref="Fits"/> checks each platform in its own units.</summary>
    public int MaxLength { get; } = platforms.Min(content.MaxTextLength);

    public int MaxHashtags { get; } = platforms.Min(p => hashtags.For(p).Max);

    public string HashtagAdvice { get; } = string.Join("; ", platforms.Select(p => $"{p.Slug()}: {hashtags.For(p).Advice}"));

    public bool Fits(string text) => platforms.All(p => content.CountLength(p, text) <= content.MaxTextLength(p));

    public string Fit(string text) => TextTools.Fit(text, Fits);
}
