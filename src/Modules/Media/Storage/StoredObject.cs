namespace Platform.Media.Storage;

/// <summary>An object being read; the caller disposes <see cref="Content"/>.</summary>
internal sealed record StoredObject(Stream Content, string ContentType);
