using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Security;

namespace Platform.Posts.Features.DuplicatePost;

internal static class DuplicatePostEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPost("/{id:guid}/duplicate", HandleAsync)
        .WithName("DuplicatePost")
        .WithSummary("Copies a post (content, media, targets) into a new draft.")
        .RequireAuthorization(Policies.Editor);

    private static async Task<Created<PostResponse>> HandleAsync(
        Guid id, HttpContext context, PostsDbContext db, TargetChecks checks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var source = await db.LoadAsync(id, cancellationToken);
        var now = clock.GetUtcNow();
        var copy = new Post
        {
            Id = Guid.NewGuid(),
            TenantId = source.TenantId,
            CreatedBy = context.User.RequiredUserId(),
            Title = source.Title,
            Content = source.Content,
            Type = source.Type,
            Status = PostStatus.Draft,
            Media = source.Media.Select(m => m with { }).ToList(),
            Link = source.Link,
            CreatedAt = now,
            UpdatedAt = now,
        };
        copy.Targets = source.Targets.Select(t => new PostTarget
        {
            Id = Guid.NewGuid(),
            TenantId = t.TenantId,
            PostId = copy.Id,
            SocialAccountId = t.SocialAccountId,
            Platform = t.Platform,
            CustomContent = t.CustomContent,
            Media = t.Media.Select(m => m with { }).ToList(),
            Options = t.Options with { },
            Status = TargetStatus.Pending,
            UpdatedAt = now,
        }).ToList();
        db.Posts.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/posts/{copy.Id}", PostResponse.From(copy, checks.Check(copy)));
    }
}
