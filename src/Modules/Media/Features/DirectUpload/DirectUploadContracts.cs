namespace Platform.Media.Features.DirectUpload;

/// <summary>Asks for a URL to send one file of <see cref="SizeBytes"/> bytes to.</summary>
internal sealed record StartDirectUploadRequest(long SizeBytes);

/// <summary>Where to send the file: one <see cref="Method"/> request of exactly the declared size to <see cref="UploadUrl"/> before <see cref="ExpiresAt"/>.</summary>
internal sealed record DirectUploadView(Guid Id, Uri UploadUrl, string Method, long SizeBytes, DateTimeOffset ExpiresAt);

/// <summary>Optional description of the completed file.</summary>
internal sealed record CompleteDirectUploadRequest(string? AltText);
