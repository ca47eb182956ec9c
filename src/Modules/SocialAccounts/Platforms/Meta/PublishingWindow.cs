namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>
/// When a Meta publishing limit has room again: at most <c>quota_total</c> API-published posts in a moving window of
/// <c>quota_duration</c> seconds. Instagram: https://developers.facebook.com/docs/instagram-platform/content-publishing/
/// ("Rate Limit") and .../ig-user/content_publishing_limit; Threads: https://developers.facebook.com/docs/threads/troubleshooting
/// ("Rate Limiting", 250 posts per 24 hours) and the <c>threads_publishing_limit</c> edge.
/// </summary>
internal static class PublishingWindow
{
    /// <summary>The shortest wait we ask for, so a retry is not made at the very second a post leaves the window.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <param name="recentPublishTimes">The account's most recent media times, newest or oldest first, at most <paramref name="quota"/> of them.</param>
    /// <returns>
    /// How long until the oldest of the <paramref name="quota"/> most recent posts leaves the window, or null when fewer
    /// than that many are in it (the list cannot tell). Media published outside the API are listed too, which only makes
    /// the wait longer than needed, never shorter.
    /// </returns>
    public static TimeSpan? WaitUntilRoom(IEnumerable<DateTimeOffset> recentPublishTimes, int quota, TimeSpan window, DateTimeOffset now)
    {
        var inWindow = recentPublishTimes.Where(t => t > now - window).OrderByDescending(t => t).Take(quota).ToList();
        if (quota <= 0 || inWindow.Count < quota)
        {
            return null;
        }
        var wait = inWindow[^1] + window - now;
        return wait > TimeSpan.Zero ? wait + Margin : Margin;
    }
}
