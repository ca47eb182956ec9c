using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.AccountHealth;

/// <param name="Reason">Shown with every post that waits for the account.</param>
/// <param name="Until">When publishing resumes on its own; omitted, it stays paused until resumed.</param>
internal sealed record PauseAccountRequest(string Reason, DateTimeOffset? Until);

internal sealed class PauseAccountRequestValidator : AbstractValidator<PauseAccountRequest>
{
    public PauseAccountRequestValidator(TimeProvider clock)
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
        RuleFor(r => r.Until).Must(until => until > clock.GetUtcNow()).When(r => r.Until is not null).WithMessage("Must be in the future.");
    }
}

internal static class PauseAccountEndpoint
{
    public static void Map(IEndpointRouteBuilder posts) => posts
        .MapPost("/account-health/{accountId:guid}/pause", HandleAsync)
        .WithName("PauseAccountPublishing")
        .WithSummary("Stops publishing to an account until the given time or until resumed; its due posts wait without using attempts.")
        .RequireAuthorization(Policies.Admin)
        .Validate<PauseAccountRequest>()
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<AccountHealthView>> HandleAsync(
        Guid accountId, PauseAccountRequest request, PostsDbContext db, ISocialAccounts accounts, ITenantContext tenant, Outbox outbox, TimeProvider clock,
        IAuditTrail audit, CancellationToken cancellationToken)
    {
        var account = await AccountHealthView.RequireAccountAsync(accounts, accountId, cancellationToken);
        var now = clock.GetUtcNow();
        var breaker = await db.LockOrCreateBreakerAsync(tenant.RequiredTenantId, accountId, now, cancellationToken);
        breaker.PauseByUser(request.Reason.Trim(), request.Until?.ToUniversalTime(), now);
        await outbox.AddAsync([breaker.Paused(AccountPauseCause.Person, now)], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.AccountPaused, accountId) { After = new { Reason = request.Reason.Trim(), request.Until } }, cancellationToken);
        return TypedResults.Ok(AccountHealthView.From(account, breaker, now));
    }
}
