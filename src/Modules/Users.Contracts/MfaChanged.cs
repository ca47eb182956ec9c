using Platform.SharedKernel.Events;

namespace Platform.Users.Contracts;

/// <summary>A user turned two-step sign-in (TOTP) on or off for their own account.</summary>
[IntegrationEventName("users.mfa_changed")]
public sealed record MfaChanged : IntegrationEvent
{
    public required Guid UserId { get; init; }
    public required string Email { get; init; }
    public required bool Enabled { get; init; }
}
