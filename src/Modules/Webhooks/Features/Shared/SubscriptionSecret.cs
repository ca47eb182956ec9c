using Platform.Webhooks.Data;
using Platform.Webhooks.Signing;

namespace Platform.Webhooks.Features.Shared;

/// <summary>A subscription with its signing secret, answered once: at creation or rotation. It cannot be read again.</summary>
/// <param name="Scheme">How the signature header is built, for whoever writes the receiver.</param>
internal sealed record SubscriptionSecret(SubscriptionView Subscription, string Secret, string SignatureHeader, string Scheme)
{
    public const string SignatureScheme = "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<body>\")> (one v1 per valid secret)";

    /// <summary>The subscription with the secret its current salt derives.</summary>
    public static SubscriptionSecret Of(Subscription subscription, WebhookSigner signer, DateTimeOffset now) =>
        new(SubscriptionView.From(subscription, now), signer.SecretFor(subscription.SecretSalt), WebhookSigner.SignatureHeader, SignatureScheme);
}
