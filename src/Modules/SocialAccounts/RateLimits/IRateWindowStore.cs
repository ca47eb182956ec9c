namespace Platform.SocialAccounts.RateLimits;

/// <summary>Where the calls counted by the sliding windows are kept.</summary>
internal interface IRateWindowStore
{
    /// <returns>Null when a permit was taken from every window; otherwise how long until one frees up.</returns>
    Task<TimeSpan?> TryTakeAsync(IReadOnlyList<RateWindow> windows, DateTimeOffset now, CancellationToken cancellationToken);
}
