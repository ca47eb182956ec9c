using Platform.SharedKernel.Events;

namespace Platform.Users.Contracts;

/// <summary>Someone asked to reset the password of an existing user; the token is not carried (<see cref="IMailLinkTokens"/>).</summary>
[IntegrationEventName("users.password_reset_requested")]
public sealed record PasswordResetRequested : IntegrationEvent
{
    public required Guid UserId { get; init; }
    public required Guid ResetId { get; init; }
    public required string Email { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
