using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Features.Connect;
using Platform.SocialAccounts.Tokens;

namespace Platform.SocialAccounts.Features.SelectAccounts;

/// <summary>Connects the accounts the user picked from a pending selection; a selection is used once.</summary>
internal static class SelectAccountsEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/connect/select", HandleAsync)
            .RequireAuthorization(Policies.Editor)
            .Validate<SelectAccountsRequest>()
            .WithName("SelectSocialAccounts")
            .ProducesProblem(StatusCodes.Status402PaymentRequired);

    public static async Task<Ok<ConnectResponse>> HandleAsync(
        SelectAccountsRequest request, ITenantContext tenant, PendingSelections selections, SocialAccountsDbContext db,
        AccountTokens tokens, Outbox outbox, IPlanLimitGuard limits, TimeProvider clock, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var pending = await selections.TakeAsync(request.SelectionId, cancellationToken);
        if (pending is null || pending.TenantId != tenant.RequiredTenantId || pending.UserId != tenant.UserId)
        {
            if (pending is not null)
            {
                await selections.PutAsync(request.SelectionId, pending, PendingSelections.Lifetime, cancellationToken);
            }
            throw ProblemException.NotFound("The account selection (it expires after 10 minutes and is used once)");
        }
        var unknown = request.ExternalIds.Except(pending.Identities.Select(i => i.ExternalId)).ToList();
        if (unknown.Count > 0)
        {
            await selections.PutAsync(request.SelectionId, pending, PendingSelections.Lifetime, cancellationToken);
            throw ProblemException.BadRequest($"Not among the candidates: {string.Join(", ", unknown)}.");
        }
        var chosen = pending.Identities.Where(i => request.ExternalIds.Contains(i.ExternalId)).Select(i => i.ToIdentity()).ToList();
        try
        {
            return TypedResults.Ok(new ConnectResponse(
                await ConnectEndpoint.StoreAsync(db, tokens, outbox, limits, audit, clock, pending.TenantId, pending.UserId, pending.Platform, chosen, cancellationToken)));
        }
        catch (ProblemException)
        {
            // Refused (the plan has no room): the selection stays, to choose fewer accounts or to retry after an upgrade.
            await selections.PutAsync(request.SelectionId, pending, PendingSelections.Lifetime, cancellationToken);
            throw;
        }
    }
}
