using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Reddit;

/// <summary>
/// Whether the account may post this in the subreddit, from what Reddit shows it of the subreddit (the t5 fields of
/// https://github.com/reddit-archive/reddit/wiki/JSON: subreddit_type, submission_type, user_is_banned,
/// user_is_contributor, user_is_moderator).
/// </summary>
internal static class SubredditRule
{
    public static IReadOnlyList<ContentViolation> Check(PostContent content, SubredditAbout about)
    {
        var name = SubredditName.Normalize(content.Subreddit) ?? content.Subreddit;
        var approved = about.UserIsContributor || about.UserIsModerator;
        var reason = about switch
        {
            { Visibility: SubredditVisibility.Missing } => $"r/{name} does not exist on Reddit.",
            { Visibility: SubredditVisibility.Forbidden } => $"r/{name} is private: the account cannot see it.",
            { UserIsBanned: true } => $"The account is banned from r/{name}.",
            { SubredditType: "archived" } => $"r/{name} is archived: it takes no new posts.",
            { SubredditType: "private" or "restricted" or "gold_restricted" } when !approved =>
                $"r/{name} is {about.SubredditType}: only its approved users may post, and this account is not one.",
            _ => null,
        };
        if (reason is not null)
        {
            return [new ContentViolation("subreddit", reason)];
        }
        var isLink = !string.IsNullOrWhiteSpace(content.Link);
        return about.SubmissionType switch
        {
            "self" when isLink => [new ContentViolation("link", $"r/{name} takes text posts only, not links.")],
            "link" when !isLink => [new ContentViolation("text", $"r/{name} takes link posts only: give the post a link.")],
            _ => [],
        };
    }
}
