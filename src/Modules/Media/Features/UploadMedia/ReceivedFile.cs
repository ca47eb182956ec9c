using Platform.Media.Data;

namespace Platform.Media.Features.UploadMedia;

/// <summary>
/// An uploaded file, streamed into a temporary file that deletes itself when closed, with its type, size and checksum
/// worked out on the way in.
/// </summary>
internal sealed class ReceivedFile(FileStream content, DetectedType type, string checksumSha256) : IAsyncDisposable
{
    public FileStream Content { get; } = content;
    public DetectedType Type { get; } = type;
    public string ChecksumSha256 { get; } = checksumSha256;
    public long SizeBytes => Content.Length;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
