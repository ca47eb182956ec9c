using Platform.Webhooks.Contracts;
using Platform.Webhooks.Data;

namespace Platform.Webhooks.Features.Shared;

/// <summary>What the audit log keeps of a subscription: where it sends (without the query, which may carry a receiver's token) and what.</summary>
internal static class SubscriptionAudit
{
    public static object Summary(Subscription subscription) => new
    {
        Url = new Uri(subscription.Url).GetLeftPart(UriPartial.Path),
        EventTypes = subscription.EventTypes.Select(WebhookEventTypes.NameOf).ToList(),
        subscription.Active,
    };
}
