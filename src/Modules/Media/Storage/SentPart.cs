namespace Platform.Media.Storage;

/// <summary>A part the client sent, as the store answered it: its number and its ETag.</summary>
internal sealed record SentPart(int PartNumber, string ETag);
