using Microsoft.EntityFrameworkCore;
using Platform.Posts.Contracts;
using Platform.Posts.Data;

namespace Platform.Posts.Features.Shared;

/// <summary>Answers the media module: a scheduled post, or one being published, still needs its library items (its own or its targets').</summary>
internal sealed class PostMediaUsage(PostsDbContext db) : IPostMediaUsage
{
    public Task<bool> IsUsedByPendingPostAsync(Guid mediaId, CancellationToken cancellationToken) =>
        db.Posts.AnyAsync(p => (p.Status == PostStatus.Scheduled || p.Status == PostStatus.Publishing) &&
            (p.Media.Any(m => m.MediaId == mediaId) || p.Targets.Any(t => t.Media.Any(m => m.MediaId == mediaId))), cancellationToken);
}
