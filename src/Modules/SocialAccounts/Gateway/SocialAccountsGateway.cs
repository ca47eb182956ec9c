using Platform.SocialAccounts.Content;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.RateLimits;
using Platform.SocialAccounts.Tokens;

namespace Platform.SocialAccounts.Gateway;

/// <summary>
/// <see cref="ISocialAccounts"/> for other modules: lookups in the caller's unit of work; platform calls through
/// <see cref="AccountCalls"/> (rules, then a usable token, then local rate limits, then the call), which hold no
/// connection while the platform answers.
/// </summary>
internal sealed class SocialAccountsGateway(
    AccountDirectory directory, AccountCalls calls, IContentRules rules, AccountTargetChecks targets, PlatformCatalog catalog) : ISocialAccounts
{
    public Task<SocialAccountDto?> FindAsync(Guid accountId, CancellationToken cancellationToken) => directory.FindAsync(accountId, cancellationToken);

    public Task<IReadOnlyList<SocialAccountDto>> ListAsync(CancellationToken cancellationToken) => directory.ListAsync(cancellationToken);

    public Task<PublishedPost> PublishAsync(Guid accountId, PostContent content, CancellationToken cancellationToken) =>
        calls.CallAsync(accountId, PlatformOperation.Publish, platform => EnsureAllowed(platform, content),
            (client, credentials) => client.PublishAsync(credentials, content, cancellationToken), cancellationToken);

    public Task<PublishedPost> PublishAsync(Guid accountId, PostContent content, PublishJournal journal, CancellationToken cancellationToken) =>
        calls.CallAsync(accountId, PlatformOperation.Publish, platform => EnsureAllowed(platform, content),
            (client, credentials) => client.PublishAsync(credentials, content, journal, cancellationToken), cancellationToken);

    public Task<ReconcileResult> ReconcileAsync(
        Guid accountId, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken) =>
        calls.CallAsync(accountId, PlatformOperation.Read, check: null,
            (client, credentials) => client.ReconcileAsync(credentials, content, journal, lostSince, cancellationToken), cancellationToken);

    public Task<PostMetrics> GetMetricsAsync(Guid accountId, string platformPostId, CancellationToken cancellationToken) =>
        calls.CallAsync(accountId, PlatformOperation.Read, check: null,
            (client, credentials) => client.GetMetricsAsync(credentials, platformPostId, cancellationToken), cancellationToken);

    /// <summary>The platform is known once the account is read; one without account metrics is answered before any token or permit is used.</summary>
    public async Task<AccountMetrics> GetAccountMetricsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        try
        {
            return await calls.CallAsync(accountId, PlatformOperation.Read, OnlyWithAccountMetrics,
                (client, credentials) => client.GetAccountMetricsAsync(credentials, cancellationToken), cancellationToken);
        }
        catch (AccountMetricsNotOfferedException)
        {
            return AccountMetrics.NotOffered;
        }
    }

    private void OnlyWithAccountMetrics(SocialPlatform platform)
    {
        if (!catalog[platform].Can(PlatformCapabilities.AccountMetrics))
        {
            throw new AccountMetricsNotOfferedException(platform);
        }
    }

    public Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(Guid accountId, int limit, CancellationToken cancellationToken) =>
        calls.CallAsync(accountId, PlatformOperation.Read, check: null,
            (client, credentials) => client.ListRecentPostsAsync(credentials, limit, cancellationToken), cancellationToken);

    public Task<TargetCheck> CheckTargetAsync(Guid accountId, PostContent content, CancellationToken cancellationToken) =>
        targets.CheckAsync(accountId, content, cancellationToken);

    private void EnsureAllowed(SocialPlatform platform, PostContent content)
    {
        var check = rules.Check(platform, content);
        if (!check.IsValid)
        {
            throw new PlatformException(platform, PlatformErrorKind.ContentRejected,
                string.Join(" ", check.Violations.Select(v => $"{v.Field}: {v.Reason}")), platformCode: "content-rules");
        }
    }
}
