using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.AI.Generation;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.AI.Providers;

/// <summary>
/// The one resilience policy for provider calls (the SDKs' own retries are off): per provider, retry with
/// exponential backoff on transient failures honouring Retry-After, a per-attempt timeout and a circuit
/// breaker; then the next provider of the plan.
/// </summary>
internal sealed class ResilientCaller(IOptionsMonitor<AiOptions> options, ILogger<ResilientCaller> logger)
{
    // Singleton state: a circuit must stay open across requests to protect the provider.
    private readonly ConcurrentDictionary<string, ResiliencePipeline<ProviderResponse>> pipelines = new(StringComparer.OrdinalIgnoreCase);

    public async Task<(ProviderResponse Response, PlannedProvider Used)> CallAsync(
        IReadOnlyList<PlannedProvider> plan, Func<PlannedProvider, ProviderCall> callFor, CancellationToken cancellationToken)
    {
        var failures = new List<(PlannedProvider Step, AiProviderException Failure)>();
        foreach (var step in plan)
        {
            var pipeline = pipelines.GetOrAdd(step.Provider.Name, _ => Build());
            try
            {
                var call = callFor(step);
                var response = await pipeline.ExecuteAsync(
                    async token => await step.Provider.GenerateAsync(call, token), cancellationToken);
                return (response, step);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested && Translate(step.Provider.Name, error) is { } failure)
            {
                logger.LogWarning(error, "AI provider {Provider} failed; {Next}", step.Provider.Name,
                    step == plan[^1] ? "no fallback left" : "falling back");
                failures.Add((step, failure));
            }
        }
        if (failures.Count == 0)
        {
            throw new AiProviderException("none", "No AI provider is available.", null, transient: false);
        }
        // The last vendor tried is the one that failed the request; the message names every one tried, in order.
        var (lastStep, last) = failures[^1];
        var tried = string.Join(" Then ", failures.Select(f => f.Failure.Message));
        throw new AiProviderException(last.Provider, tried, last.Status, last.IsTransient, last.RetryAfter, last) { Model = lastStep.Model };
    }

    private static AiProviderException? Translate(string provider, Exception error) => error switch
    {
        AiProviderException known => known,
        BrokenCircuitException => new AiProviderException(provider, $"{provider} is temporarily unavailable (circuit open).", 503, transient: true, inner: error),
        TimeoutRejectedException => new AiProviderException(provider, $"{provider} did not answer in time.", 504, transient: true, inner: error),
        _ => null,
    };

    private ResiliencePipeline<ProviderResponse> Build()
    {
        var settings = options.CurrentValue.Resilience;
        var builder = new ResiliencePipelineBuilder<ProviderResponse>();
        if (settings.MaxRetries > 0)
        {
            var maxWait = TimeSpan.FromSeconds(settings.MaxRetryAfterSeconds);
            builder.AddRetry(new RetryStrategyOptions<ProviderResponse>
            {
                // A Retry-After longer than we are willing to wait: give the fallback its chance now instead.
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception)
                    && !(args.Outcome.Exception is AiProviderException { RetryAfter: { } wait } && wait > maxWait)),
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.BaseDelayMilliseconds),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is AiProviderException { RetryAfter: { } wait } ? wait : null),
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<ProviderResponse>
        {
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception)),
            FailureRatio = settings.FailureRatio,
            MinimumThroughput = Math.Max(2, settings.MinimumThroughput),
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(1, settings.SamplingSeconds)),
            BreakDuration = TimeSpan.FromSeconds(Math.Max(1, settings.BreakSeconds)),
        });
        builder.AddTimeout(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        return builder.Build();
    }

    private static bool IsTransient(Exception? error) => error is AiProviderException { IsTransient: true } or TimeoutRejectedException;
}
