using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Tests;

/// <summary>
/// Stands in for the accounts module at its contract (the platforms themselves are exercised by the conformance tests):
/// answers metrics calls with <see cref="Answer"/>, or fails them with <see cref="Refusal"/>, and counts them; lists
/// <see cref="Accounts"/> and answers each one's account metrics with what <see cref="AccountAnswers"/> holds for it
/// (an <see cref="AccountMetrics"/> or a <see cref="PlatformException"/>).
/// </summary>
internal sealed class ScriptedMetrics : ISocialAccounts
{
    public PostMetrics Answer { get; set; } = new("1", Impressions: 100, Likes: 4, Comments: 1);
    public PlatformException? Refusal { get; set; }
    public int Calls;
    public List<SocialAccountDto> Accounts { get; } = [];
    public System.Collections.Concurrent.ConcurrentDictionary<Guid, object> AccountAnswers { get; } = new();
    public System.Collections.Concurrent.ConcurrentDictionary<Guid, int> AccountCalls { get; } = new();

    public static SocialAccountDto Account(SocialPlatform platform) => new(Guid.NewGuid(), platform, Guid.NewGuid().ToString("N"), "Scripted", null, null,
        AccountStatus.Active, null, null, null, null, DateTimeOffset.UtcNow);

    public Task<AccountMetrics> GetAccountMetricsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        AccountCalls.AddOrUpdate(accountId, 1, (_, calls) => calls + 1);
        return AccountAnswers.GetValueOrDefault(accountId) switch
        {
            AccountMetrics metrics => Task.FromResult(metrics),
            PlatformException refusal => Task.FromException<AccountMetrics>(refusal),
            _ => Task.FromResult(AccountMetrics.NotOffered),
        };
    }

    public Task<PostMetrics> GetMetricsAsync(Guid accountId, string platformPostId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return Refusal is { } refusal ? Task.FromException<PostMetrics>(refusal) : Task.FromResult(Answer with { PlatformPostId = platformPostId });
    }

    public Task<SocialAccountDto?> FindAsync(Guid accountId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<SocialAccountDto>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SocialAccountDto>>([.. Accounts]);
    public Task<PublishedPost> PublishAsync(Guid accountId, PostContent content, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<PublishedPost> PublishAsync(Guid accountId, PostContent content, PublishJournal journal, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<ReconcileResult> ReconcileAsync(Guid accountId, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(Guid accountId, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TargetCheck> CheckTargetAsync(Guid accountId, PostContent content, CancellationToken cancellationToken) => throw new NotSupportedException();
}
