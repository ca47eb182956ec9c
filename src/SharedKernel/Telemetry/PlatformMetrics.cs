using System.Diagnostics.Metrics;

namespace Platform.SharedKernel.Telemetry;

/// <summary>
/// The platform's own instruments. Labels stay low in cardinality: platform, provider, job and event type names and
/// outcomes, never tenant, user or post ids (those belong in logs and traces).
/// </summary>
public static class PlatformMetrics
{
    /// <summary>Publishing attempts recorded, labelled <c>platform</c>, <c>kind</c> (the post's type) and <c>outcome</c>.</summary>
    public static readonly Counter<long> PublishAttempts = PlatformTelemetry.Meter.CreateCounter<long>(
        "platform.publishing.attempts", "{attempt}", "Publishing attempts by platform, post kind and outcome");

    /// <summary>How late a due target was when a dispatcher claimed it.</summary>
    public static readonly Histogram<double> PublishClaimLateness = PlatformTelemetry.Meter.CreateHistogram<double>(
        "platform.publishing.claim_lateness", "s", "Time from a target's due time to its claim by a dispatcher");

    /// <summary>Targets put back without an attempt, labelled <c>platform</c> and <c>reason</c> (<c>rate_limited</c>, <c>account_paused</c>).</summary>
    public static readonly Counter<long> PublishDeferrals = PlatformTelemetry.Meter.CreateCounter<long>(
        "platform.publishing.deferrals", "{target}", "Targets deferred by a rate limit or a paused account");

    /// <summary>Token refreshes sent to platforms, labelled <c>platform</c> and <c>outcome</c> (<c>refreshed</c>, <c>refused</c>, <c>failed</c>).</summary>
    public static readonly Counter<long> TokenRefreshes = PlatformTelemetry.Meter.CreateCounter<long>(
        "platform.social_accounts.token_refreshes", "{refresh}", "Token refreshes by platform and outcome");

    /// <summary>AI tokens used, labelled <c>provider</c> and <c>direction</c> (<c>input</c>, <c>output</c>).</summary>
    public static readonly Counter<long> AiTokens = PlatformTelemetry.Meter.CreateCounter<long>(
        "platform.ai.tokens", "{token}", "AI tokens by provider and direction");

    /// <summary>What AI requests cost, in US dollars, labelled <c>provider</c>.</summary>
    public static readonly Counter<double> AiCost = PlatformTelemetry.Meter.CreateCounter<double>(
        "platform.ai.cost", "USD", "AI spend by provider");

    /// <summary>AI requests ended, labelled <c>provider</c> and <c>status</c>.</summary>
    public static readonly Counter<long> AiRequests = PlatformTelemetry.Meter.CreateCounter<long>(
        "platform.ai.requests", "{request}", "AI requests by provider and final status");

    /// <summary>Time an outbox row waited from its write to its claim, labelled <c>event_type</c>.</summary>
    public static readonly Histogram<double> OutboxLag = PlatformTelemetry.Meter.CreateHistogram<double>(
        "platform.outbox.lag", "s", "Time from an integration event's write to its claim by the outbox processor");

    /// <summary>Outbox handler runs, labelled <c>event_type</c> and <c>outcome</c> (<c>handled</c>, <c>failed</c>).</summary>
    public static readonly Counter<long> OutboxDeliveries = PlatformTelemetry.Meter.CreateCounter<long>(
        "platform.outbox.deliveries", "{delivery}", "Outbox rows handed to their handler, by event type and outcome");

    /// <summary>Hangfire job runs, labelled <c>job</c> (type and method) and <c>outcome</c> (<c>succeeded</c>, <c>failed</c>).</summary>
    public static readonly Counter<long> JobExecutions = PlatformTelemetry.Meter.CreateCounter<long>(
        "platform.jobs.executions", "{execution}", "Background job runs by job and outcome");
}
