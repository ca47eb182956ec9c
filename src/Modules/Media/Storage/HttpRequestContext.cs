namespace Platform.Media.Storage;

/// <summary>The scheme and host the caller reached the API on, for URLs served by the host itself.</summary>
internal sealed record HttpRequestContext(string Scheme, string Host, string PathBase);
