using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.PaymentServers.Stripe;

/// <summary>
/// Stand-ins for the pages Stripe hosts at a session's <c>url</c>, so a browser test can follow the redirect: the
/// Checkout page pays (completing the session as <see cref="StripeBilling.CompleteCheckoutSessionAsync"/> does) and
/// returns to <c>success_url</c> with <c>{CHECKOUT_SESSION_ID}</c> filled in
/// (https://docs.stripe.com/payments/checkout/custom-success-page), or goes back to <c>cancel_url</c>; the portal page
/// links back to <c>return_url</c> (https://docs.stripe.com/customer-management/integrate-customer-portal).
/// </summary>
public static class StripeHostedPages
{
    public static void Map(IEndpointRouteBuilder routes, StripeStore store, StripeBilling billing)
    {
        routes.MapGet("/c/pay/{id}", (string id) => Session(store, id) is { } session && (string?)session["status"] == "open"
            ? Page($"""
                <h1>Pay {Amount(session)}</h1>
                <form method="post"><button type="submit">Pay</button></form>
                {((string?)session["cancel_url"] is { } cancel ? $"""<a href="{WebUtility.HtmlEncode(cancel)}">Cancel</a>""" : "")}
                """)
            : Results.NotFound());
        routes.MapPost("/c/pay/{id}", async (string id) =>
        {
            if (Session(store, id) is not { } session || (string?)session["status"] != "open")
            {
                return Results.NotFound();
            }
            await billing.CompleteCheckoutSessionAsync(id);
            var success = ((string)session["success_url"]!).Replace("{CHECKOUT_SESSION_ID}", id, StringComparison.Ordinal);
            return Results.Redirect(success);
        });
        routes.MapGet("/p/session/{id}", (string id) =>
        {
            JsonObject? portal;
            lock (store.Gate)
            {
                portal = store.Find(id, "billing_portal.session");
            }
            return portal is null
                ? Results.NotFound()
                : Page($"""<h1>Billing</h1>{((string?)portal["return_url"] is { } back ? $"""<a href="{WebUtility.HtmlEncode(back)}">Return</a>""" : "")}""");
        });
    }

    private static JsonObject? Session(StripeStore store, string id)
    {
        lock (store.Gate)
        {
            return store.Find(id, "checkout.session")?.DeepClone().AsObject();
        }
    }

    private static string Amount(JsonObject session) =>
        $"{(long)session["amount_total"]! / 100m:0.00} {((string?)session["currency"])?.ToUpperInvariant()}";

    private static IResult Page(string body) =>
        Results.Content($"<!doctype html><html><head><title>Local Stripe</title></head><body>{body}</body></html>", "text/html; charset=utf-8");
}
