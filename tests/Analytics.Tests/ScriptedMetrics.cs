using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Tests;

/// <summary>
/// Stands in for the accounts module at its contract (the platforms themselves are exercised by the conformance tests):
/// answers metrics calls with <see cref="Answer"/>, or fails them with <see cref="Refusal"/>, and counts them.
/// </summary>
internal sealed class ScriptedMetrics : ISocialAccounts
{
    public PostMetrics Answer { get; set; } = new("1", Impressions: 100, Likes: 4, Comments: 1);
    public PlatformException? Refusal { get; set; }
    public int Calls;

    public Task<PostMetrics> GetMetricsAsync(Guid accountId, string platformPostId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return Refusal is { } refusal ? Task.FromException<PostMetrics>(refusal) : Task.FromResult(Answer with { PlatformPostId = platformPostId });
    }

    public Task<SocialAccountDto?> FindAsync(Guid accountId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<SocialAccountDto>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<PublishedPost> PublishAsync(Guid accountId, PostContent content, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<PublishedPost> PublishAsync(Guid accountId, PostContent content, PublishJournal journal, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<ReconcileResult> ReconcileAsync(Guid accountId, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(Guid accountId, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TargetCheck> CheckTargetAsync(Guid accountId, PostContent content, CancellationToken cancellationToken) => throw new NotSupportedException();
}
