using Platform.Media.Contracts;

namespace Platform.Media.Data;

/// <summary>A kind of file the library accepts, as recognised from its first bytes.</summary>
internal sealed record DetectedType(MediaKind Kind, string ContentType);
