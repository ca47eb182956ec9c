using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.TikTok;

/// <summary>
/// What the creator may post now, from creator info (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info):
/// a privacy level among its options, a video no longer than its maximum, and no interaction the creator turned off.
/// </summary>
internal static class TikTokCreatorRule
{
    public static IReadOnlyList<ContentViolation> Check(PostContent content, TikTokCreatorInfo creator)
    {
        var violations = new List<ContentViolation>();
        if (content.PrivacyLevel is { Length: > 0 } privacy && !creator.PrivacyLevelOptions.Contains(privacy))
        {
            violations.Add(new("privacyLevel", $"{privacy} is not offered to this creator; choose one of {string.Join(", ", creator.PrivacyLevelOptions)}."));
        }
        if (creator.MaxVideoPostDurationSeconds is { } longest)
        {
            for (var i = 0; i < content.MediaItems.Count; i++)
            {
                if (content.MediaItems[i] is { Kind: MediaKind.Video, DurationSeconds: { } seconds } && seconds > longest)
                {
                    violations.Add(new($"media[{i}].durationSeconds", $"The video lasts {seconds}s; this creator may post videos of at most {longest}s."));
                }
            }
        }
        var asked = content.Interactions ?? new Interactions();
        if (asked.Comments && creator.CommentDisabled)
        {
            violations.Add(new("interactions.comments", "The creator has turned comments off in TikTok's settings."));
        }
        if (asked.Duets && creator.DuetDisabled)
        {
            violations.Add(new("interactions.duets", "The creator has turned duets off in TikTok's settings."));
        }
        if (asked.Stitches && creator.StitchDisabled)
        {
            violations.Add(new("interactions.stitches", "The creator has turned stitches off in TikTok's settings."));
        }
        return violations;
    }
}
