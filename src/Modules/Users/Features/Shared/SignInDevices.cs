using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Platform.SharedKernel.Events;
using Platform.Users.Contracts;
using Platform.Users.Data;

namespace Platform.Users.Features.Shared;

/// <summary>
/// Keeps the devices each user signs in from (<see cref="DeviceFingerprint"/>) and, through the outbox in the sign-in's
/// unit of work, tells the user of a new one. Two sign-ins racing from one new device insert it once, and only the one
/// that inserted it tells.
/// </summary>
internal sealed class SignInDevices(UsersDbContext db, Outbox outbox, TimeProvider clock)
{
    private const int MailedUserAgentLength = 200;

    public async Task<DeviceSighting> RecognizeAsync(User user, HttpContext context, CancellationToken cancellationToken)
    {
        var userAgent = context.Request.Headers[HeaderNames.UserAgent].ToString();
        var address = context.Connection.RemoteIpAddress;
        var fingerprint = DeviceFingerprint.Of(userAgent, address);
        var now = clock.GetUtcNow();
        var seenAgain = await db.Database.ExecuteSqlAsync(
            $"UPDATE users.known_devices SET last_seen_at = {now} WHERE user_id = {user.Id} AND fingerprint = {fingerprint.Hash}", cancellationToken);
        var hadOthers = seenAgain == 0 && await db.KnownDevices.AnyAsync(d => d.UserId == user.Id, cancellationToken);
        var device = KnownDevice.Record(user.TenantId, user.Id, fingerprint, now);
        var inserted = seenAgain == 0 && await db.Database.ExecuteSqlAsync($"""
            INSERT INTO users.known_devices (id, tenant_id, user_id, fingerprint, first_seen_at, last_seen_at)
            VALUES ({device.Id}, {device.TenantId}, {device.UserId}, {device.Fingerprint}, {device.FirstSeenAt}, {device.LastSeenAt})
            ON CONFLICT (user_id, fingerprint) DO NOTHING
            """, cancellationToken) == 1;
        var sighting = KnownDevice.Classify(deviceWasKnown: !inserted, userHadOtherDevices: hadOthers);
        if (KnownDevice.IsWorthTelling(sighting))
        {
            await outbox.AddAsync([new NewDeviceSignedIn
            {
                TenantId = user.TenantId,
                OccurredAt = now,
                UserId = user.Id,
                Email = user.Email,
                IpAddress = Shown(address),
                UserAgent = userAgent.Length > MailedUserAgentLength ? userAgent[..MailedUserAgentLength] + "…" : userAgent,
            }], cancellationToken);
        }
        return sighting;
    }

    private static string Shown(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
