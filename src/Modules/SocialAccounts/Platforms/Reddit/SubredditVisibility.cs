namespace Platform.SocialAccounts.Platforms.Reddit;

/// <summary>Whether Reddit showed the account the subreddit.</summary>
internal enum SubredditVisibility
{
    Visible,
    /// <summary>Reddit answered 404: no such subreddit (or it was banned).</summary>
    Missing,
    /// <summary>Reddit answered 403: the subreddit is private (or quarantined) for this account.</summary>
    Forbidden,
}
