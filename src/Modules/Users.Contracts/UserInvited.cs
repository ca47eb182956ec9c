using Platform.SharedKernel.Events;

namespace Platform.Users.Contracts;

/// <summary>An admin invited someone to the tenant; the token itself is not carried (<see cref="IMailLinkTokens"/> re-derives it).</summary>
[IntegrationEventName("users.invited")]
public sealed record UserInvited : IntegrationEvent
{
    public required Guid InvitationId { get; init; }
    public required string Email { get; init; }
    public required string Role { get; init; }
    public required string InvitedBy { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
