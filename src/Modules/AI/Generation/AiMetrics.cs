using Platform.AI.Data;
using Platform.SharedKernel.Telemetry;

namespace Platform.AI.Generation;

/// <summary>Records an ended AI request's tokens, cost and status on the platform meter, by provider.</summary>
internal static class AiMetrics
{
    public static void Ended(AiRequest request)
    {
        var provider = new KeyValuePair<string, object?>("provider", request.Provider ?? "none");
        PlatformMetrics.AiRequests.Add(1, provider, new KeyValuePair<string, object?>("status", request.Status.ToString().ToLowerInvariant()));
        PlatformMetrics.AiTokens.Add(request.InputTokens, provider, new KeyValuePair<string, object?>("direction", "input"));
        PlatformMetrics.AiTokens.Add(request.OutputTokens, provider, new KeyValuePair<string, object?>("direction", "output"));
        PlatformMetrics.AiCost.Add((double)request.CostUsd, provider);
    }
}
