namespace Platform.Users.Data;

/// <summary>A device a user has signed in from, by its <see cref="DeviceFingerprint"/>.</summary>
internal sealed class KnownDevice
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public required byte[] Fingerprint { get; init; }
    public DateTimeOffset FirstSeenAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }

    public static KnownDevice Record(Guid tenantId, Guid userId, DeviceFingerprint fingerprint, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        UserId = userId,
        Fingerprint = fingerprint.Hash,
        FirstSeenAt = now,
        LastSeenAt = now,
    };

    /// <summary>
    /// A device is new only against others seen before: the first one a user has (their registration's, or the first
    /// sign-in of an account made before devices were kept) has nothing to be told apart from.
    /// </summary>
    public static DeviceSighting Classify(bool deviceWasKnown, bool userHadOtherDevices) =>
        deviceWasKnown ? DeviceSighting.Known
        : userHadOtherDevices ? DeviceSighting.New
        : DeviceSighting.First;

    /// <summary>Only a new device is mailed about; the first and known ones are not.</summary>
    public static bool IsWorthTelling(DeviceSighting sighting) => sighting == DeviceSighting.New;
}
