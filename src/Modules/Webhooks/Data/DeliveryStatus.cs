namespace Platform.Webhooks.Data;

internal enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,
    /// <summary>An attempt is being made.</summary>
    Sending,
    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,
    /// <summary>Every attempt failed, or the address was refused: only a redelivery sends it again.</summary>
    DeadLetter,
}
