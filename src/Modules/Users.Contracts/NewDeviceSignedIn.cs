using Platform.SharedKernel.Events;

namespace Platform.Users.Contracts;

/// <summary>A user signed in from a device not seen before for them; the time is <see cref="IntegrationEvent.OccurredAt"/>.</summary>
[IntegrationEventName("users.new_device_signed_in")]
public sealed record NewDeviceSignedIn : IntegrationEvent
{
    public required Guid UserId { get; init; }
    public required string Email { get; init; }
    /// <summary>The client's address as the host saw it (after trusted forwarded headers); "unknown" when there was none.</summary>
    public required string IpAddress { get; init; }
    /// <summary>The sign-in's User-Agent header, cut to a couple of hundred characters; empty when none was sent.</summary>
    public required string UserAgent { get; init; }
}
