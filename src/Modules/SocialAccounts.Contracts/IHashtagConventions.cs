namespace Platform.SocialAccounts.Contracts;

/// <summary>How many hashtags a platform's audience expects, and where: <paramref name="Max"/> caps suggestions, <paramref name="Advice"/> guides a writer.</summary>
public sealed record HashtagConvention(int Max, string Advice);

/// <summary>
/// Each platform's hashtag conventions, for whoever writes posts (AI generation). Conventions, not publishing rules:
/// no platform here limits hashtags beyond the text's length, which <see cref="IContentRules"/> owns.
/// </summary>
public interface IHashtagConventions
{
    HashtagConvention For(SocialPlatform platform);
}
