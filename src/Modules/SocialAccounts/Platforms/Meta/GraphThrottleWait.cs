using System.Globalization;
using System.Text.Json;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>
/// How long a throttled Graph caller must wait, read from the usage headers Meta sends
/// (https://developers.facebook.com/docs/graph-api/overview/rate-limiting): <c>X-Business-Use-Case-Usage</c> is an object
/// keyed by business object id, each an array of use cases with <c>estimated_time_to_regain_access</c> in minutes;
/// <c>X-Ad-Account-Usage</c> carries <c>reset_time_duration</c> in seconds. <c>X-App-Usage</c> gives only percentages, no wait.
/// </summary>
internal static class GraphThrottleWait
{
    public const string BusinessUseCaseHeader = "X-Business-Use-Case-Usage";
    public const string AdAccountHeader = "X-Ad-Account-Usage";

    /// <returns>The longest wait any header names, or null when none names a wait above zero.</returns>
    public static TimeSpan? From(string? businessUseCaseUsage, string? adAccountUsage)
    {
        var minutes = BusinessUseCaseMinutes(businessUseCaseUsage);
        var seconds = AdAccountSeconds(adAccountUsage);
        var wait = TimeSpan.FromMinutes(minutes ?? 0) > TimeSpan.FromSeconds(seconds ?? 0)
            ? TimeSpan.FromMinutes(minutes ?? 0)
            : TimeSpan.FromSeconds(seconds ?? 0);
        return wait > TimeSpan.Zero ? wait : null;
    }

    private static double? BusinessUseCaseMinutes(string? header)
    {
        if (Parse(header) is not { ValueKind: JsonValueKind.Object } usage)
        {
            return null;
        }
        double? longest = null;
        foreach (var business in usage.EnumerateObject().Where(b => b.Value.ValueKind == JsonValueKind.Array))
        {
            foreach (var useCase in business.Value.EnumerateArray())
            {
                if (Number(useCase, "estimated_time_to_regain_access") is { } minutes && minutes > (longest ?? 0))
                {
                    longest = minutes;
                }
            }
        }
        return longest;
    }

    private static double? AdAccountSeconds(string? header) =>
        Parse(header) is { ValueKind: JsonValueKind.Object } usage ? Number(usage, "reset_time_duration") : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        } : null;

    private static JsonElement? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(header);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
