namespace Platform.Media.Contracts;

/// <summary>What other modules may know of a library item: the facts platforms' content rules need.</summary>
public sealed record LibraryMedia(Guid Id, MediaKind Kind, string ContentType, long SizeBytes, double? DurationSeconds, string? AltText);

/// <summary>A library item with a signed URL that anyone (a platform pulling the file) can fetch until <see cref="ExpiresAt"/>.</summary>
public sealed record PublishableMedia(LibraryMedia Item, Uri Url, DateTimeOffset ExpiresAt);
