using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Billing.Plans;
using Platform.Billing.Provider;
using Platform.Billing.Webhooks;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Stripe;

namespace Platform.Billing.Features.ReceiveWebhook;

/// <summary>
/// Stripe's webhook endpoint (https://docs.stripe.com/webhooks). A delivery is verified before anything is read from it;
/// the tenant is the one whose customer the event names; the subscription is read again from Stripe, with no connection
/// held, so the state applied is Stripe's current one whatever order the events arrive in. Any failure answers 500 and
/// leaves the event unapplied, so Stripe delivers it again.
/// </summary>
internal static class ReceiveWebhookEndpoint
{
    public static void Map(IEndpointRouteBuilder billing) =>
        billing.MapPost("/webhook", HandleAsync)
            .AllowAnonymous()
            .WithOwnUnitsOfWork()
            .WithName("ReceiveStripeWebhook")
            .WithSummary("Receives Stripe's signed billing events.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

    private static async Task<IResult> HandleAsync(
        HttpContext context, IOptions<BillingOptions> options, IServiceScopeFactory scopes, StripeGateway stripe, PlanCatalog catalog,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        var stripeOptions = options.Value.Stripe;
        if (!WebhookSignature.IsValid(payload, context.Request.Headers["Stripe-Signature"].ToString(), stripeOptions.WebhookSecrets,
                stripeOptions.WebhookTolerance, time.GetUtcNow()))
        {
            throw ProblemException.BadRequest("The Stripe-Signature header is missing, stale, or signed with no secret of this endpoint.");
        }
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(payload, throwOnApiVersionMismatch: false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw ProblemException.BadRequest("The body is not a Stripe event.");
        }
        if (BillingEventSubject.Of(stripeEvent) is not { } subject)
        {
            return Results.Ok();
        }
        var tenantId = await scopes.RunAsync(null, services => TenantOfCustomerAsync(services, subject.CustomerId, cancellationToken), cancellationToken);
        if (tenantId is not { } tenant)
        {
            // A customer made outside this platform: nothing of ours to change.
            return Results.Ok();
        }
        if (await scopes.RunAsync(tenant, services => services.GetRequiredService<WebhookApplication>().WasAppliedAsync(stripeEvent.Id, cancellationToken), cancellationToken))
        {
            return Results.Ok();
        }
        try
        {
            var snapshot = subject.SubscriptionId is { } subscriptionId
                ? SubscriptionReading.Snapshot(await stripe.GetSubscriptionAsync(subscriptionId, cancellationToken), catalog, time.GetUtcNow())
                : null;
            await scopes.RunAsync(tenant, async services =>
            {
                await services.GetRequiredService<WebhookApplication>().ApplyAsync(tenant, stripeEvent, subject, snapshot, cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (Exception failure) when (failure is StripeCallFailedException or InvalidOperationException)
        {
            loggers.CreateLogger(typeof(ReceiveWebhookEndpoint)).LogError(failure, "Stripe event {EventId} ({Type}) was not applied", stripeEvent.Id, stripeEvent.Type);
            return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Event not applied",
                detail: "The event could not be applied now; Stripe will deliver it again.");
        }
        return Results.Ok();
    }

    private static async Task<Guid?> TenantOfCustomerAsync(IServiceProvider services, string customerId, CancellationToken cancellationToken)
    {
        await using var command = await services.GetRequiredService<DbSession>().CreateCommandAsync("SELECT billing.tenant_of_customer($1)", cancellationToken);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = customerId });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid tenant ? tenant : null;
    }
}
