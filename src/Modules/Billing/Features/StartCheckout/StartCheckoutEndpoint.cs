using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Audit.Contracts;
using Platform.Billing.Features.Shared;
using Platform.Billing.Plans;
using Platform.Billing.Provider;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.Billing.Features.StartCheckout;

/// <summary>
/// Starts a Stripe Checkout for a paid plan: the tenant's customer (made once), then a subscription-mode session naming
/// the tenant as <c>client_reference_id</c>. Stripe is called with no connection held; the plan changes only when
/// Stripe's webhook says the subscription exists.
/// </summary>
internal static class StartCheckoutEndpoint
{
    public static void Map(IEndpointRouteBuilder billing) =>
        billing.MapPost("/checkout", HandleAsync)
            .Validate<StartCheckoutRequest>()
            .RequireAuthorization(Policies.Owner)
            .WithOwnUnitsOfWork()
            .WithName("StartCheckout")
            .WithSummary("Answers the URL of a Stripe Checkout page that subscribes the tenant to a paid plan.")
            .Produces<SessionUrlView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);

    private static async Task<IResult> HandleAsync(
        StartCheckoutRequest request, ITenantContext tenant, IOptions<BillingOptions> options, PlanCatalog catalog, StripeGateway stripe,
        IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        BillingAccounts.RequireStripe(options.Value.Stripe);
        var plan = catalog.Find(request.Plan) ?? throw ProblemException.BadRequest($"There is no plan '{request.Plan}'.");
        if (!plan.IsPaid)
        {
            throw ProblemException.BadRequest($"The plan '{request.Plan}' is free: it needs no checkout.");
        }
        var interval = Enum.Parse<BillingInterval>(request.Interval, ignoreCase: true);
        var tenantId = tenant.RequiredTenantId;
        var account = await scopes.FindAsync(tenantId, cancellationToken);
        if (account?.AlreadyHas(request.Plan) == true)
        {
            throw ProblemException.Conflict($"The tenant is already on the '{request.Plan}' plan; change or cancel it in the billing portal.");
        }
        var customerId = account?.StripeCustomerId ?? await CheckoutCustomer.EnsureAsync(scopes, stripe, tenantId, cancellationToken);
        var url = await stripe.CreateCheckoutSessionAsync(
            tenantId, customerId, request.Plan, interval, PlanCatalog.PriceId(plan, interval), Guid.NewGuid(), cancellationToken);
        // Stripe was called holding no connection; the entry gets a short unit of work of its own.
        await scopes.RunAsync(tenantId, async services =>
        {
            await services.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord(AuditAction.CheckoutStarted, tenantId) { After = new { request.Plan, Interval = interval } }, cancellationToken);
            return url;
        }, cancellationToken);
        return Results.Ok(new SessionUrlView(url));
    }
}
