namespace Platform.Media.Features.DirectUpload;

/// <summary>One part of a multipart upload: its number (from 1) and the URL that takes its bytes.</summary>
internal sealed record UploadPartView(int PartNumber, Uri UploadUrl);
