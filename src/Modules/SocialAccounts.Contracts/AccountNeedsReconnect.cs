using Platform.SharedKernel.Events;

namespace Platform.SocialAccounts.Contracts;

/// <summary>
/// The platform refused an account's token and it could not be refreshed: nothing can be done through the account until
/// the user reconnects it. Raised once, when the account leaves <see cref="AccountStatus.Active"/>.
/// </summary>
[IntegrationEventName("account.needs_reconnect")]
public sealed record AccountNeedsReconnect : IntegrationEvent
{
    public required Guid SocialAccountId { get; init; }
    public required SocialPlatform Platform { get; init; }
    /// <summary>Expired, Revoked or NeedsReconnect.</summary>
    public required AccountStatus Status { get; init; }
    /// <summary>Why, in the platform's own words where it gave any.</summary>
    public required string Reason { get; init; }
}
