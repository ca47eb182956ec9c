using Platform.SharedKernel.Events;

namespace Platform.SocialAccounts.Contracts;

/// <summary>The user connected an account, for the first time or again; its tokens work.</summary>
[IntegrationEventName("account.connected")]
public sealed record AccountConnected : IntegrationEvent
{
    public required Guid SocialAccountId { get; init; }
    public required SocialPlatform Platform { get; init; }
    public string? Handle { get; init; }
    /// <summary>The account was connected before (a reconnect).</summary>
    public required bool Again { get; init; }
}
