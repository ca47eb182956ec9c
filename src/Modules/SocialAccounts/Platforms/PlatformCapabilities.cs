namespace Platform.SocialAccounts.Platforms;

/// <summary>What this integration does on a platform.</summary>
[Flags]
internal enum PlatformCapabilities
{
    None = 0,
    /// <summary>Text-only posts.</summary>
    Text = 1,
    Images = 1 << 1,
    Video = 1 << 2,
    /// <summary>Several media items in one post (a carousel or gallery).</summary>
    MultipleMedia = 1 << 3,
    /// <summary>Posts go to one of the account's boards (<c>GET /social-accounts/{id}/boards</c>).</summary>
    Boards = 1 << 4,
    /// <summary>Posts go to a community the user names.</summary>
    Subreddits = 1 << 5,
    /// <summary>The creator's posting options are asked before posting (<c>GET /social-accounts/{id}/tiktok/creator-info</c>).</summary>
    CreatorInfo = 1 << 6,
    /// <summary>Per-post metrics can be read.</summary>
    Metrics = 1 << 7,
    /// <summary>The account's own numbers (followers) can be read with the default scopes.</summary>
    AccountMetrics = 1 << 8,
}
