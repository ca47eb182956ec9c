using Platform.SocialAccounts.Contracts;

namespace Platform.AI.Generation;

internal sealed record HashtagConvention(int Max, string Advice);

/// <summary>
/// How many hashtags each platform's audience expects, and where: guidance for the model and the cap on suggested
/// hashtags. Conventions, not publishing rules: SocialAccounts has no hashtag limit, and owns every length limit.
/// </summary>
internal static class HashtagConventions
{
    private static readonly Dictionary<SocialPlatform, HashtagConvention> All = new()
    {
        [SocialPlatform.Instagram] = new(30, "up to 30 hashtags; 5-10 relevant ones work best, at the end"),
        [SocialPlatform.X] = new(2, "1-2 hashtags, counted in the length"),
        [SocialPlatform.LinkedIn] = new(5, "3-5 professional hashtags at the end"),
        [SocialPlatform.Facebook] = new(3, "at most 2-3 hashtags"),
        [SocialPlatform.TikTok] = new(5, "3-5 trending, specific hashtags"),
        [SocialPlatform.YouTube] = new(15, "up to 15 hashtags; the first 3 show above the title"),
        [SocialPlatform.Pinterest] = new(5, "2-5 descriptive hashtags"),
        [SocialPlatform.Threads] = new(1, "a single topic tag"),
        [SocialPlatform.Reddit] = new(0, "no hashtags: Reddit does not use them"),
    };

    public static HashtagConvention For(SocialPlatform platform) => All[platform];
}
