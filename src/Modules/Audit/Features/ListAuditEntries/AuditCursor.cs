using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Audit.Features.ListAuditEntries;

/// <summary>
/// Where a page ended: the last entry's time and id, the order the log is read in (newest first). Opaque to callers:
/// base64url of a version byte, the time in microseconds since the Unix epoch, and the id.
/// </summary>
internal sealed record AuditCursor(DateTimeOffset OccurredAt, Guid Id)
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + 16;

    public string Encode()
    {
        var bytes = new byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), (OccurredAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond);
        Id.TryWriteBytes(bytes.AsSpan(1 + sizeof(long)), bigEndian: true, out _);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static bool TryDecode(string text, out AuditCursor? cursor)
    {
        cursor = null;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length != Length || bytes[0] != Version)
        {
            return false;
        }
        var microseconds = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        var maxMicroseconds = (DateTimeOffset.MaxValue.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
        if (microseconds < 0 || microseconds > maxMicroseconds)
        {
            return false;
        }
        cursor = new AuditCursor(
            DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond),
            new Guid(bytes.AsSpan(1 + sizeof(long)), bigEndian: true));
        return true;
    }
}
