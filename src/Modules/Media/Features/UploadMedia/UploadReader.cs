using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Platform.Media.Data;
using Platform.Media.Detection;
using Platform.SharedKernel.Errors;

namespace Platform.Media.Features.UploadMedia;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload (RFC 7578) section by section: the one <c>file</c> part is sniffed from its first
/// bytes and streamed to a temporary file, cut off as soon as it passes its kind's limit; nothing is held whole in memory.
/// </summary>
internal sealed class UploadReader(IOptions<MediaOptions> options)
{
    public const string FileField = "file";
    public const string AltTextField = "altText";

    // RFC 2046 section 5.1.1: a boundary is 1 to 70 characters.
    private const int MaxBoundaryLength = 70;
    private const int MaxFileNameLength = 255;

    public sealed record Upload(ReceivedFile File, string? AltText);

    public async Task<Upload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var boundary = Boundary(request.ContentType);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        ReceivedFile? file = null;
        string? altText = null;
        try
        {
            while (await NextSectionAsync(reader, cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw ProblemException.BadRequest("Every part of the form needs a 'Content-Disposition: form-data' header.");
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == FileField && disposition.IsFileDisposition())
                {
                    if (file is not null)
                    {
                        throw ProblemException.BadRequest("Send one file per upload.");
                    }
                    CheckFileName(disposition);
                    file = await ReceiveAsync(section.Body, cancellationToken);
                }
                else if (name == AltTextField && !disposition.IsFileDisposition())
                {
                    altText = await ReadTextAsync(section.Body, cancellationToken);
                }
                else
                {
                    throw ProblemException.BadRequest($"Unexpected form field '{name}': send '{FileField}' (a file) and optionally '{AltTextField}'.");
                }
            }
        }
        catch
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
            throw;
        }
        if (file is null)
        {
            throw ProblemException.BadRequest($"No file was sent: put it in the form field '{FileField}'.");
        }
        return new Upload(file, MediaItem.NormalizeAltText(altText));
    }

    private static string Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) ||
            !string.Equals(mediaType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(415, "Unsupported media type", "Upload the file as multipart/form-data with the field 'file'.");
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength)
        {
            throw ProblemException.BadRequest("The multipart/form-data content type needs a boundary of 1 to 70 characters.");
        }
        return boundary;
    }

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception malformed) when (malformed is InvalidDataException or IOException && malformed is not BadHttpRequestException)
        {
            throw ProblemException.BadRequest("The multipart body is malformed or ends early.");
        }
    }

    private static void CheckFileName(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? string.Empty;
        if (name.Length is 0 or > MaxFileNameLength || name is "." or ".." || name.Contains("..", StringComparison.Ordinal) ||
            name.IndexOfAny(['/', '\\', ':']) >= 0 || name.Any(char.IsControl))
        {
            throw ProblemException.BadRequest("The file name must be a plain name of 1 to 255 characters, without folders, '..' or control characters.");
        }
    }

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        // Four bytes a character at most in UTF-8, so a longer field is too long whatever it holds.
        var limit = MediaItem.MaxAltTextLength * 4;
        var buffer = new byte[limit + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (read > limit)
        {
            throw ProblemException.BadRequest($"'{AltTextField}' must be at most {MediaItem.MaxAltTextLength} characters.");
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, read);
        }
        catch (DecoderFallbackException)
        {
            throw ProblemException.BadRequest($"'{AltTextField}' must be UTF-8 text.");
        }
    }

    /// <summary>The 415 answered for a file whose first bytes are not a type the library accepts.</summary>
    public static ProblemException Unsupported(Sniffed sniffed) =>
        new(415, "Unsupported file type",
            $"The file is {sniffed.Description}. The library accepts PNG, JPEG, GIF and WebP images and MP4, MOV and WebM videos.",
            new Dictionary<string, object?> { ["detected"] = sniffed.Description });

    /// <summary>
    /// Streams one file's bytes to a temporary file: 415 unless its first bytes are an accepted type, 413 as soon as it
    /// passes its kind's limit.
    /// </summary>
    public async Task<ReceivedFile> ReceiveAsync(Stream body, CancellationToken cancellationToken)
    {
        var header = new byte[MediaSniffer.HeaderLength];
        var headerLength = await body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (headerLength == 0)
        {
            throw ProblemException.BadRequest("The file is empty.");
        }
        var sniffed = MediaSniffer.Sniff(header.AsSpan(0, headerLength));
        var type = sniffed.Type ?? throw Unsupported(sniffed);
        var limit = options.Value.MaxBytesFor(type.Kind);
        var content = new FileStream(Path.Combine(Path.GetTempPath(), $"platform-media-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            var chunk = header.AsMemory(0, headerLength);
            long total = 0;
            while (chunk.Length > 0)
            {
                total += chunk.Length;
                if (total > limit)
                {
                    throw new ProblemException(413, "File too large",
                        $"{type.Kind} files may be at most {limit} bytes.",
                        new Dictionary<string, object?> { ["kind"] = type.Kind.ToString(), ["maxBytes"] = limit });
                }
                hash.AppendData(chunk.Span);
                await content.WriteAsync(chunk, cancellationToken);
                chunk = buffer.AsMemory(0, await body.ReadAsync(buffer, cancellationToken));
            }
            await content.FlushAsync(cancellationToken);
            return new ReceivedFile(content, type, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }
}
