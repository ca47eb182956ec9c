using Platform.SharedKernel.Events;

namespace Platform.SocialAccounts.Contracts;

/// <summary>The user connected an account again (a reconnect, or a new connect of the same platform identity): its new tokens work.</summary>
[IntegrationEventName("account.reconnected")]
public sealed record AccountReconnected : IntegrationEvent
{
    public required Guid SocialAccountId { get; init; }
    public required SocialPlatform Platform { get; init; }
}
