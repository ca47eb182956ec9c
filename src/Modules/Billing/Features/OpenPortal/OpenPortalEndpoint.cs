using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Billing.Features.Shared;
using Platform.Billing.Provider;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Billing.Features.OpenPortal;

/// <summary>Answers a Stripe customer portal page where the owner changes card, plan or cancels.</summary>
internal static class OpenPortalEndpoint
{
    public static void Map(IEndpointRouteBuilder billing) =>
        billing.MapPost("/portal", HandleAsync)
            .RequireAuthorization(Policies.Owner)
            .WithOwnUnitsOfWork()
            .WithName("OpenBillingPortal")
            .WithSummary("Answers the URL of the Stripe customer portal for the tenant.")
            .Produces<SessionUrlView>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

    private static async Task<IResult> HandleAsync(
        ITenantContext tenant, IOptions<BillingOptions> options, StripeGateway stripe, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        BillingAccounts.RequireStripe(options.Value.Stripe);
        var tenantId = tenant.RequiredTenantId;
        var customerId = (await scopes.FindAsync(tenantId, cancellationToken))?.StripeCustomerId
            ?? throw ProblemException.Conflict("The tenant has no Stripe customer yet: start a checkout first.");
        var url = await stripe.CreatePortalSessionAsync(tenantId, customerId, Guid.NewGuid(), cancellationToken);
        return Results.Ok(new SessionUrlView(url));
    }
}
