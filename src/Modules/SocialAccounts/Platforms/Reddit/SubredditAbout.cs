namespace Platform.SocialAccounts.Platforms.Reddit;

/// <summary>
/// What <c>GET /r/{subreddit}/about</c> (https://www.reddit.com/dev/api#GET_r_{subreddit}_about) shows the account of a
/// subreddit; the fields are the subreddit (t5) ones of https://github.com/reddit-archive/reddit/wiki/JSON.
/// </summary>
/// <param name="SubredditType">public, private, restricted, gold_restricted or archived.</param>
/// <param name="SubmissionType">any, link or self: the kinds of post it takes.</param>
internal sealed record SubredditAbout(
    SubredditVisibility Visibility,
    string? DisplayName = null,
    string? SubredditType = null,
    string? SubmissionType = null,
    bool UserIsBanned = false,
    bool UserIsContributor = false,
    bool UserIsModerator = false);
