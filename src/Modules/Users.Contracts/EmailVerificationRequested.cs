using Platform.SharedKernel.Events;

namespace Platform.Users.Contracts;

/// <summary>A user's address is to be verified (at registration, or asked again); the token is not carried (<see cref="IMailLinkTokens"/>).</summary>
[IntegrationEventName("users.email_verification_requested")]
public sealed record EmailVerificationRequested : IntegrationEvent
{
    public required Guid UserId { get; init; }
    public required Guid VerificationId { get; init; }
    public required string Email { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}
