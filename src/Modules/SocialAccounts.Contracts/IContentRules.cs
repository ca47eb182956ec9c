namespace Platform.SocialAccounts.Contracts;

public sealed record ContentViolation(string Field, string Reason);

public sealed record ContentCheck(SocialPlatform Platform, IReadOnlyList<ContentViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;
}

/// <summary>
/// Each platform's publishing rules, checked before anything is sent; Posts uses it to validate drafts, AI to fit
/// generated text, so both follow the one table publishing enforces.
/// </summary>
public interface IContentRules
{
    ContentCheck Check(SocialPlatform platform, PostContent content);

    /// <summary>Length as the platform counts it (X: weighted, URLs as 23; Threads: emoji by UTF-8 bytes).</summary>
    int CountLength(SocialPlatform platform, string text);

    /// <summary>The longest text a post may carry on the platform, in <see cref="CountLength"/>'s units.</summary>
    int MaxTextLength(SocialPlatform platform);
}
