using Platform.SharedKernel.Telemetry;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Tokens;

/// <summary>Counts what platforms answered to token refreshes (<see cref="PlatformMetrics.TokenRefreshes"/>).</summary>
internal static class TokenRefreshMetrics
{
    public const string Refreshed = "refreshed";
    public const string Refused = "refused";
    public const string Failed = "failed";

    public static void Record(SocialPlatform platform, string outcome) =>
        PlatformMetrics.TokenRefreshes.Add(1,
            new KeyValuePair<string, object?>("platform", platform.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("outcome", outcome));
}
