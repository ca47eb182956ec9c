namespace Platform.Media.Features.DirectUpload;

/// <summary>Asks for where to send one file of <see cref="SizeBytes"/> bytes.</summary>
internal sealed record StartDirectUploadRequest(long SizeBytes);

/// <summary>
/// Where to send the file before <see cref="ExpiresAt"/>. Below the multipart threshold: one <see cref="Method"/> request of
/// exactly the declared size to <see cref="UploadUrl"/>, and <see cref="Parts"/> is empty. From the threshold up,
/// <see cref="UploadUrl"/> is null: send bytes [(n−1)·<see cref="PartSizeBytes"/>, n·<see cref="PartSizeBytes"/>) of the file
/// to part n's URL, keep each answer's ETag header, and complete with the list of parts.
/// </summary>
internal sealed record DirectUploadView(
    Guid Id, Uri? UploadUrl, string Method, long SizeBytes, DateTimeOffset ExpiresAt, long? PartSizeBytes, IReadOnlyList<UploadPartView> Parts);

/// <summary>One part of a multipart upload: its number (from 1) and the URL that takes its bytes.</summary>
internal sealed record UploadPartView(int PartNumber, Uri UploadUrl);

/// <summary>Optional description of the completed file; for a multipart upload, every part with the ETag its PUT answered.</summary>
internal sealed record CompleteDirectUploadRequest(string? AltText, IReadOnlyList<CompletedPart>? Parts = null);

/// <summary>A part as sent: its number and the <c>ETag</c> header its PUT answered.</summary>
internal sealed record CompletedPart(int PartNumber, string? ETag);
