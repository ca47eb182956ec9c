namespace Platform.Analytics.Data;

/// <summary>What happened to a target; stored in <c>analytics.events.event_type</c> under <see cref="AnalyticsEventTypes.Stored"/>.</summary>
internal enum AnalyticsEventType
{
    PostPublished,
    PostFailed,
}

internal static class AnalyticsEventTypes
{
    public static string Stored(this AnalyticsEventType type) => type switch
    {
        AnalyticsEventType.PostPublished => "post_published",
        AnalyticsEventType.PostFailed => "post_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParseStored(string stored, out AnalyticsEventType type)
    {
        foreach (var candidate in Enum.GetValues<AnalyticsEventType>())
        {
            if (candidate.Stored() == stored)
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}
