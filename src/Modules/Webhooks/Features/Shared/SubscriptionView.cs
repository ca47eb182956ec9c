using Platform.Webhooks.Contracts;
using Platform.Webhooks.Data;

namespace Platform.Webhooks.Features.Shared;

/// <param name="EventTypes">Wire names, such as <c>post.published</c>.</param>
/// <param name="PreviousSecretValidUntil">After a rotation, until when the previous secret still signs beside the new one.</param>
internal sealed record SubscriptionView(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, bool Active, DateTimeOffset? PreviousSecretValidUntil, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SubscriptionView From(Subscription subscription, DateTimeOffset now) => new(
        subscription.Id, subscription.Url, [.. subscription.EventTypes.Select(WebhookEventTypes.NameOf)], subscription.Active,
        subscription.PreviousSecretValidUntil > now ? subscription.PreviousSecretValidUntil : null, subscription.CreatedAt, subscription.UpdatedAt);
}
