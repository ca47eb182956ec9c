using System.Diagnostics;
using Platform.Posts.Data;
using Platform.SharedKernel.Telemetry;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Publishing;

/// <summary>Records publishing on the platform meter and activity source (<see cref="PlatformMetrics"/>), with the labels operators filter by.</summary>
internal static class PublishingTelemetry
{
    public const string RateLimited = "rate_limited";
    public const string AccountPaused = "account_paused";

    public static void Attempted(string platform, PostType kind, PublishOutcome outcome)
    {
        PlatformMetrics.PublishAttempts.Add(1,
            new KeyValuePair<string, object?>("platform", platform.ToLowerInvariant()),
            new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("outcome", OutcomeName(outcome)));
        // Our own limiter's refusal and the platform's 429 both put the target back until the limit has room.
        if (outcome is PublishOutcome.LimitReached or PublishOutcome.Refused { Kind: PlatformErrorKind.RateLimited })
        {
            Deferred(platform, RateLimited);
        }
    }

    public static void Deferred(string platform, string reason) => PlatformMetrics.PublishDeferrals.Add(1,
        new KeyValuePair<string, object?>("platform", platform.ToLowerInvariant()), new KeyValuePair<string, object?>("reason", reason));

    public static void Claimed(IEnumerable<ClaimedTarget> claimed)
    {
        foreach (var target in claimed)
        {
            PlatformMetrics.PublishClaimLateness.Record(Math.Max(0, target.Lateness.TotalSeconds));
        }
    }

    /// <summary>The span of one attempt's platform call, on the platform's activity source.</summary>
    public static Activity? StartAttemptSpan(Guid tenantId, Guid targetId, string platform, int attempt)
    {
        var span = PlatformTelemetry.ActivitySource.StartActivity("publish attempt", ActivityKind.Client);
        span?.SetTag("platform.tenant_id", tenantId);
        span?.SetTag("platform.target_id", targetId);
        span?.SetTag("platform.platform", platform.ToLowerInvariant());
        span?.SetTag("platform.attempt", attempt);
        return span;
    }

    public static string OutcomeName(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.Published => "published",
        PublishOutcome.Refused => "refused",
        PublishOutcome.Unknown => "unknown",
        PublishOutcome.Absent => "absent",
        PublishOutcome.CannotConfirm => "cannot_confirm",
        PublishOutcome.LimitReached => "limit_reached",
        PublishOutcome.NotSent => "not_sent",
        _ => "other",
    };
}
