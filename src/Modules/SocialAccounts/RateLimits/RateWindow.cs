namespace Platform.SocialAccounts.RateLimits;

/// <summary>One sliding window a call takes a permit from: at most <see cref="Limit"/> calls under <see cref="Key"/> per <see cref="Window"/>.</summary>
internal sealed record RateWindow(string Key, int Limit, TimeSpan Window);
