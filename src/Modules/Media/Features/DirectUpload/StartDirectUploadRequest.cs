namespace Platform.Media.Features.DirectUpload;

/// <summary>Asks for where to send one file of <see cref="SizeBytes"/> bytes.</summary>
internal sealed record StartDirectUploadRequest(long SizeBytes);
