namespace Platform.Webhooks.Sending;

/// <summary>A delivery job ran before the transaction that queued it committed; Hangfire tries it again shortly.</summary>
internal sealed class DeliveryNotYetVisibleException(Guid deliveryId, int attempt)
    : Exception($"Attempt {attempt} of webhook delivery {deliveryId} is not visible yet.");
