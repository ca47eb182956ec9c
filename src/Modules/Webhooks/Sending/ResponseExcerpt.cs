using System.Text;

namespace Platform.Webhooks.Sending;

/// <summary>The start of a receiver's answer for the delivery log: at most <see cref="MaxBytes"/> bytes of UTF-8, cut between characters.</summary>
internal static class ResponseExcerpt
{
    public const int MaxBytes = 1024;

    public static async Task<string?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes + 1];
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        return length == 0 ? null : Cut(buffer.AsSpan(0, length));
    }

    public static string Cut(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, MaxBytes)]);
        // A character split by the cut decodes to a replacement character, which may be longer than what it replaced.
        while (Encoding.UTF8.GetByteCount(text) > MaxBytes || (bytes.Length > MaxBytes && text.EndsWith('\uFFFD')))
        {
            text = text[..^1];
        }
        return text;
    }
}
