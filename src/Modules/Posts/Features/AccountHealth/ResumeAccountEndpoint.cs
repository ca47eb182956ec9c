using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.AccountHealth;

internal static class ResumeAccountEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPost("/account-health/{accountId:guid}/resume", HandleAsync)
        .WithName("ResumeAccountPublishing")
        .WithSummary("Ends an account's pause (the breaker's or a user's) and forgets its failures; the posts that waited for it are due at once. Resuming a healthy account changes nothing.")
        .RequireAuthorization(Policies.Admin)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<AccountHealthView>> HandleAsync(
        Guid accountId, PostsDbContext db, PublishQueue queue, ISocialAccounts accounts, ITenantContext tenant, TimeProvider clock,
        Outbox outbox, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var account = await AccountHealthView.RequireAccountAsync(accounts, accountId, cancellationToken);
        var now = clock.GetUtcNow();
        if (await db.LockBreakerAsync(tenant.RequiredTenantId, accountId, cancellationToken) is { } breaker)
        {
            if (breaker.IsPaused)
            {
                await outbox.AddAsync([breaker.Resumed(AccountResumeCause.Person, now)], cancellationToken);
            }
            db.Breakers.Remove(breaker);
            await db.SaveChangesAsync(cancellationToken);
        }
        await queue.ReleaseDeferredAsync(accountId, now, cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.AccountResumed, accountId), cancellationToken);
        return TypedResults.Ok(AccountHealthView.From(account, breaker: null, now));
    }
}
