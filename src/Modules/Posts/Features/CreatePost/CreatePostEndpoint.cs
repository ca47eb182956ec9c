using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.Posts.Features.CreatePost;

internal static class CreatePostEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPost("/", HandleAsync)
        .WithName("CreatePost")
        .WithSummary("Saves a draft; the answer lists each target's content-rule problems, if any.")
        .WithDescription(MediaPayload.OpenApiDescription)
        .RequireAuthorization(Policies.Editor)
        .Validate<PostPayload>()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Created<PostResponse>> HandleAsync(
        PostPayload payload, HttpContext context, PostsDbContext db, TargetChecks checks, ITenantContext tenant, TimeProvider clock,
        IAuditTrail audit, CancellationToken cancellationToken)
    {
        var accounts = await checks.ResolveAccountsAsync(payload.Targets.Select(t => t.AccountId), cancellationToken);
        var media = await checks.ResolveMediaAsync(payload, cancellationToken);
        var now = clock.GetUtcNow();
        var post = new Post
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.RequiredTenantId,
            CreatedBy = context.User.RequiredUserId(),
            Status = PostStatus.Draft,
            CreatedAt = now,
        };
        PostWriter.Apply(post, payload, accounts, media, now);
        db.Posts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.PostCreated, post.Id) { After = PostAudit.Summary(post) }, cancellationToken);
        return TypedResults.Created($"/api/v1/posts/{post.Id}", PostResponse.From(post, checks.Check(post)));
    }
}
