namespace Platform.SocialAccounts.Contracts;

/// <summary>A connected account as other modules and the API see it: never any token.</summary>
public sealed record SocialAccountDto(
    Guid Id,
    SocialPlatform Platform,
    string ExternalId,
    string DisplayName,
    string? Handle,
    string? AvatarUrl,
    AccountStatus Status,
    string? StatusReason,
    DateTimeOffset? TokenExpiresAt,
    DateTimeOffset? LastSyncAt,
    DateTimeOffset? LastRefreshedAt,
    DateTimeOffset ConnectedAt);

/// <summary>
/// What Posts uses to act through a connected account of the current tenant. Content is checked,
/// the token refreshed when near expiry, and rate limits applied before any call; failures are <see cref="PlatformException"/>.
/// </summary>
/// <remarks>
/// The lookups (<see cref="FindAsync"/>, <see cref="ListAsync"/>) read in the caller's unit of work. The methods that call
/// a platform (<see cref="PublishAsync(Guid, PostContent, CancellationToken)"/>, <see cref="ReconcileAsync"/>, <see cref="GetMetricsAsync"/>,
/// <see cref="GetAccountMetricsAsync"/>, <see cref="ListRecentPostsAsync"/>, <see cref="CheckTargetAsync"/>) manage
/// their own short units of work in the current tenant: one to read the account (and refresh its token) before the call,
/// one to write what the call changed after it, and none held while the platform answers. They need a tenant, not an
/// open unit of work, and write nothing into the caller's: call them outside one, so that no connection of the caller's
/// waits on the platform either. What they record before failing (an account marked expired or revoked) is committed.
/// </remarks>
public interface ISocialAccounts
{
    /// <summary>In the caller's unit of work.</summary>
    Task<SocialAccountDto?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>The current tenant's accounts in every status, oldest first; only <see cref="AccountStatus.Active"/> ones can act. In the caller's unit of work.</summary>
    Task<IReadOnlyList<SocialAccountDto>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Publishes from scratch, keeping the ids of its steps only for this call.</summary>
    Task<PublishedPost> PublishAsync(Guid accountId, PostContent content, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes, continuing from the steps <paramref name="journal"/> holds from earlier attempts (poll that container,
    /// resume that upload) and recording each new step's platform id before the next request leaves.
    /// </summary>
    Task<PublishedPost> PublishAsync(Guid accountId, PostContent content, PublishJournal journal, CancellationToken cancellationToken);

    /// <summary>
    /// After an attempt whose answer was lost: whether the platform has <paramref name="content"/>, matched with what the
    /// platform really shows of a post (and the journal's ids), not older than <paramref name="lostSince"/>.
    /// </summary>
    Task<ReconcileResult> ReconcileAsync(
        Guid accountId, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken);

    Task<PostMetrics> GetMetricsAsync(Guid accountId, string platformPostId, CancellationToken cancellationToken);

    /// <summary>
    /// The account's own numbers (followers), through the same token refresh and rate limits as <see cref="GetMetricsAsync"/>;
    /// <see cref="AccountMetrics.NotOffered"/> without calling a platform that has none.
    /// </summary>
    Task<AccountMetrics> GetAccountMetricsAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Holds <paramref name="content"/> against what the account has on its platform, before anything is sent: the
    /// Pinterest board is the account's, the subreddit exists and takes the account's posts, the TikTok creator offers the
    /// privacy level, the video length and the interactions asked for. Boards and creator info are cached briefly. Calls
    /// the platform like <see cref="ReconcileAsync"/>: outside any unit of work of the caller's.
    /// </summary>
    Task<TargetCheck> CheckTargetAsync(Guid accountId, PostContent content, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(Guid accountId, int limit, CancellationToken cancellationToken);
}

/// <summary>Moves every stored token onto the current encryption key; for the host CLI after a key rotation.</summary>
public interface ITokenKeyRotation
{
    /// <returns>How many accounts were re-encrypted.</returns>
    Task<int> ReencryptAllAsync(CancellationToken cancellationToken);
}
