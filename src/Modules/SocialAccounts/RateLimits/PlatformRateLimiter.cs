using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.RateLimits;

/// <summary>Takes one permit from every window that applies, all or none; refuses with the wait until the oldest call leaves.</summary>
internal sealed class PlatformRateLimiter(IRateWindowStore store, TimeProvider clock, IReadOnlyList<PlatformLimit> limits)
{
    public async Task AcquireAsync(SocialPlatform platform, Guid accountId, PlatformOperation operation, CancellationToken cancellationToken)
    {
        var windows = limits
            .Where(l => l.Platform == platform && (l.Operation is null || l.Operation == operation))
            .Select(l => new RateWindow(
                $"social_accounts:ratelimit:{platform.Slug()}:{l.Operation?.ToString().ToLowerInvariant() ?? "all"}:{(l.Scope == LimitScope.Account ? accountId.ToString("N") : "app")}:{(long)l.Window.TotalSeconds}",
                l.Limit, l.Window))
            .ToList();
        if (windows.Count == 0)
        {
            return;
        }
        var wait = await store.TryTakeAsync(windows, clock.GetUtcNow(), cancellationToken);
        if (wait is { } retryAfter)
        {
            throw new PlatformException(platform, PlatformErrorKind.RateLimited,
                $"The {platform} limit for this account or app is used up; try again later.", retryAfter, PlatformException.LocalLimitCode);
        }
    }
}
