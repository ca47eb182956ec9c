namespace Platform.Media.Features.DirectUpload;

/// <summary>Optional description of the completed file; for a multipart upload, every part with the ETag its PUT answered.</summary>
internal sealed record CompleteDirectUploadRequest(string? AltText, IReadOnlyList<CompletedPart>? Parts = null);
