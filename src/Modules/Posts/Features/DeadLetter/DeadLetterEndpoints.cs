using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.DeadLetter;

internal sealed record DeadLetterItem(
    Guid PostId, string? PostTitle, Guid TargetId, Guid AccountId, SocialPlatform Platform, TargetStatus Status, TargetErrorKind? ErrorKind,
    string? ErrorMessage, int AttemptCount, DateTimeOffset UpdatedAt);

/// <param name="ConfirmedNotPublished">Required for an unconfirmed target: you checked the account and the post is not there.</param>
internal sealed record RetryTargetRequest(bool ConfirmedNotPublished = false);

/// <summary>Targets that ran out of attempts or could not be confirmed, and an admin's retry.</summary>
internal static class DeadLetterEndpoints
{
    public static void Map(IEndpointRouteBuilder posts)
    {
        posts.MapGet("/dead-letter", ListAsync)
            .WithName("ListDeadLetters")
            .WithSummary("Targets that failed for good or whose outcome could not be confirmed.")
            .RequireAuthorization(Policies.Admin);
        posts.MapPost("/{postId:guid}/targets/{targetId:guid}/retry", RetryAsync)
            .WithName("RetryTarget")
            .WithSummary("Sends a failed (or, once checked, unconfirmed) target again, now.")
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<PagedList<DeadLetterItem>>> ListAsync(PostsDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var paging = new PageRequest(page, pageSize);
        var query = from target in db.Targets.AsNoTracking()
                    join post in db.Posts.AsNoTracking() on target.PostId equals post.Id
                    where target.Status == TargetStatus.Failed || (target.Status == TargetStatus.Unconfirmed && target.NextAttemptAt == null)
                    orderby target.UpdatedAt descending
                    select new { post.Title, Target = target };
        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var items = rows.Select(row => new DeadLetterItem(row.Target.PostId, row.Title, row.Target.Id, row.Target.SocialAccountId, row.Target.SocialPlatform,
            row.Target.Status, row.Target.ErrorKind, row.Target.ErrorMessage, row.Target.AttemptCount, row.Target.UpdatedAt)).ToList();
        return TypedResults.Ok(new PagedList<DeadLetterItem>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Accepted> RetryAsync(
        Guid postId, Guid targetId, RetryTargetRequest? request, PostsDbContext db, PublishQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var target = await db.Targets.FromSql($"SELECT * FROM posts.post_targets WHERE id = {targetId} AND post_id = {postId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken) ?? throw ProblemException.NotFound("The target");
        switch (target.CanRetryManually(request?.ConfirmedNotPublished == true))
        {
            case ManualRetry.NotFailed:
                throw ProblemException.Conflict($"The target is {target.Status}; only failed or unconfirmed targets are retried.");
            case ManualRetry.NeedsConfirmation:
                throw ProblemException.Conflict("The platform may already have this post. Check the account, then retry with confirmedNotPublished: true.");
        }
        var post = await db.Posts.SingleAsync(p => p.Id == postId, cancellationToken);
        var now = clock.GetUtcNow();
        // An unconfirmed target is looked up on the platform again before anything is sent (TargetPublisher).
        target.RetryByHand(request?.ConfirmedNotPublished == true, now);
        post.ReopenForRetry(now);
        await db.SaveChangesAsync(cancellationToken);
        await queue.EnqueueAsync(target.TenantId, [target.Id], now, cancellationToken);
        return TypedResults.Accepted($"/api/v1/posts/{postId}");
    }
}
