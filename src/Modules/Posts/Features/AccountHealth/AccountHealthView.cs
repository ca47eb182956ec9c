using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.AccountHealth;

internal enum PublishingHealth
{
    /// <summary>Publishing normally.</summary>
    Healthy,
    /// <summary>Recent attempts failed in ways that point at the account; it pauses at the breaker's threshold.</summary>
    Failing,
    /// <summary>Nothing is sent to the account until the pause ends or someone resumes it; its posts wait without using attempts.</summary>
    Paused,
    /// <summary>The pause ran out: the next post is sent as a trial, and publishing resumes when it goes out.</summary>
    Recovering,
}

/// <summary>One connected account and how publishing to it is doing.</summary>
internal sealed record AccountHealthView(
    Guid AccountId, SocialPlatform Platform, string DisplayName, AccountStatus AccountStatus, PublishingHealth Health,
    int ConsecutiveFailures, TargetErrorKind? LastErrorKind, string? LastError, AccountPauseView? Pause)
{
    public static AccountHealthView From(SocialAccountDto account, AccountBreaker? breaker, DateTimeOffset now)
    {
        var pause = AccountPauseView.Of(breaker, now);
        var health = (pause, breaker) switch
        {
            (not null, { } paused) when paused.IsHalfOpen(now) => PublishingHealth.Recovering,
            (not null, _) => PublishingHealth.Paused,
            (null, { ConsecutiveFailures: > 0 }) => PublishingHealth.Failing,
            _ => PublishingHealth.Healthy,
        };
        return new AccountHealthView(account.Id, account.Platform, account.DisplayName, account.Status, health,
            breaker?.ConsecutiveFailures ?? 0, breaker?.LastErrorKind, breaker?.LastError, pause);
    }

    /// <summary>The current tenant's account; another tenant's is simply not found.</summary>
    public static async Task<SocialAccountDto> RequireAccountAsync(ISocialAccounts accounts, Guid accountId, CancellationToken cancellationToken) =>
        await accounts.FindAsync(accountId, cancellationToken) ?? throw ProblemException.NotFound("The social account");
}
