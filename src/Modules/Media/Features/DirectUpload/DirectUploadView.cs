namespace Platform.Media.Features.DirectUpload;

/// <summary>
/// Where to send the file before <see cref="ExpiresAt"/>. Below the multipart threshold: one <see cref="Method"/> request of
/// exactly the declared size to <see cref="UploadUrl"/>, and <see cref="Parts"/> is empty. From the threshold up,
/// <see cref="UploadUrl"/> is null: send bytes [(n−1)·<see cref="PartSizeBytes"/>, n·<see cref="PartSizeBytes"/>) of the file
/// to part n's URL, keep each answer's ETag header, and complete with the list of parts.
/// </summary>
internal sealed record DirectUploadView(
    Guid Id, Uri? UploadUrl, string Method, long SizeBytes, DateTimeOffset ExpiresAt, long? PartSizeBytes, IReadOnlyList<UploadPartView> Parts);
