using Microsoft.EntityFrameworkCore;
using Platform.Posts.Data;
using Platform.SharedKernel.Errors;

namespace Platform.Posts.Features.Shared;

internal static class PostLoader
{
    /// <summary>The post with its targets; another tenant's post is simply not found (row-level security).</summary>
    public static async Task<Post> LoadAsync(this PostsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Posts.Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw ProblemException.NotFound("The post");

    public static void EnsureEditable(Post post)
    {
        if (!post.IsEditable)
        {
            throw ProblemException.Conflict($"The post is {post.Status}; only drafts and scheduled posts can change.");
        }
    }
}
