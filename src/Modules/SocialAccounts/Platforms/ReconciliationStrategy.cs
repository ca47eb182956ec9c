namespace Platform.SocialAccounts.Platforms;

/// <summary>How a post whose publish answer was lost is looked for on the platform (see each client's <c>ReconcileAsync</c>).</summary>
internal enum ReconciliationStrategy
{
    /// <summary>Among the account's latest posts, by what the post was sent with (text, title, board, link, media ids).</summary>
    RecentPosts,
    /// <summary>The post id an earlier attempt recorded; without one, a read that needs a scope the default grant lacks.</summary>
    RecordedPostId,
    /// <summary>The status of the media container an earlier attempt recorded.</summary>
    ContainerStatus,
    /// <summary>The publish id an earlier attempt recorded, asked for its status; without one, the public post list.</summary>
    PublishStatus,
    /// <summary>The resumable upload session an earlier attempt recorded; without one, the channel's uploads.</summary>
    UploadSession,
}
