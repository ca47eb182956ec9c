using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms;

/// <summary>One platform's real API: OAuth, identity, publishing, listing, metrics. Errors are <see cref="PlatformException"/>.</summary>
internal interface IPlatformClient
{
    SocialPlatform Platform { get; }

    PlatformOptions Options { get; }

    /// <summary>Whether the authorize URL carries a PKCE challenge (and the exchange its verifier).</summary>
    bool UsesPkce { get; }

    string BuildAuthorizeUrl(string state, string redirectUri, string codeChallenge);

    Task<TokenSet> ExchangeCodeAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlatformIdentity>> FetchIdentitiesAsync(TokenSet tokens, CancellationToken cancellationToken);

    /// <returns>New tokens, or null when the platform offers no refresh for this token.</returns>
    Task<TokenSet?> RefreshAsync(AccountCredentials account, CancellationToken cancellationToken);

    /// <returns>False where the platform offers no revocation.</returns>
    Task<bool> RevokeAsync(AccountCredentials account, CancellationToken cancellationToken);

    Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, CancellationToken cancellationToken);

    /// <summary>Publishes, continuing from the steps earlier attempts recorded and recording each new one before the next request.</summary>
    Task<PublishedPost> PublishAsync(AccountCredentials account, PostContent content, PublishJournal journal, CancellationToken cancellationToken);

    /// <summary>Whether the platform has <paramref name="content"/>, by the identity the platform really shows of a post.</summary>
    Task<ReconcileResult> ReconcileAsync(
        AccountCredentials account, PostContent content, PublishJournal journal, DateTimeOffset lostSince, CancellationToken cancellationToken);

    Task<PostMetrics> GetMetricsAsync(AccountCredentials account, string platformPostId, CancellationToken cancellationToken);

    /// <summary>The account's own numbers; only asked of platforms whose descriptor has <see cref="PlatformCapabilities.AccountMetrics"/>.</summary>
    Task<AccountMetrics> GetAccountMetricsAsync(AccountCredentials account, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecentPost>> ListRecentPostsAsync(AccountCredentials account, int limit, CancellationToken cancellationToken);

    ContentCheck Validate(PostContent content);
}
