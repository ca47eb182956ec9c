namespace Platform.Media.Features.DirectUpload;

/// <summary>A part as sent: its number and the <c>ETag</c> header its PUT answered.</summary>
internal sealed record CompletedPart(int PartNumber, string? ETag);
