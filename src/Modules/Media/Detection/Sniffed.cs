using Platform.Media.Data;

namespace Platform.Media.Detection;

/// <summary>The verdict on a file's first bytes: a type the library accepts, or a description of what it is instead.</summary>
internal sealed record Sniffed(DetectedType? Type, string Description)
{
    public static Sniffed Accepted(DetectedType type, string description) => new(type, description);

    public static Sniffed Refused(string description) => new(null, description);
}
