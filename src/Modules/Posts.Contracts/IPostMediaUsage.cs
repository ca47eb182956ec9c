namespace Platform.Posts.Contracts;

/// <summary>Whether posts still need a library item, asked by the media module before it deletes one.</summary>
public interface IPostMediaUsage
{
    /// <summary>
    /// True while a post of the current tenant that is scheduled or being published uses the item. Run in the caller's
    /// unit of work, after it has locked the item, so no post can be scheduled with it between this answer and the delete.
    /// </summary>
    Task<bool> IsUsedByPendingPostAsync(Guid mediaId, CancellationToken cancellationToken);
}
