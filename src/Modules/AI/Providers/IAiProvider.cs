using Platform.AI.Contracts;
using Platform.AI.Generation;

namespace Platform.AI.Providers;

/// <summary>A model vendor behind one shape: text from a system and a user prompt, or one image from a prompt.</summary>
internal interface IAiProvider
{
    /// <summary>The name routing configuration uses and responses report (<c>openai</c>, <c>anthropic</c>, ...).</summary>
    string Name { get; }

    /// <summary>False when its credentials are missing: routing then skips it.</summary>
    bool IsConfigured { get; }

    /// <summary>The model this provider uses for <paramref name="type"/>, or null when it cannot do it.</summary>
    string? ModelFor(AiRequestType type);

    Task<ProviderResponse> GenerateAsync(ProviderCall call, CancellationToken cancellationToken);
}

/// <param name="Task">The provider-neutral task; the offline provider works from it directly.</param>
internal sealed record ProviderCall(AiTask Task, string Model, Prompt Prompt, int MaxOutputTokens);

/// <param name="Text">Generated text, or for an image its URL or data URI.</param>
/// <param name="Images">Images produced (priced per image).</param>
/// <param name="ImageBytes">The image's bytes when the provider sent them (not only a URL): they go to the tenant's media library.</param>
internal sealed record ProviderResponse(string Text, string Model, int InputTokens, int OutputTokens, int Images = 0, string? RevisedPrompt = null, byte[]? ImageBytes = null);

/// <summary>
/// A provider call failed. Transient failures (429, 5xx, timeouts, broken connections) are retried;
/// <see cref="RetryAfter"/> is the wait the provider asked for.
/// </summary>
internal sealed class AiProviderException(string provider, string message, int? status, bool transient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string Provider { get; } = provider;
    /// <summary>The model asked of <see cref="Provider"/>, when the failure is the outcome of a plan step.</summary>
    public string? Model { get; init; }
    public int? Status { get; } = status;
    public bool IsTransient { get; } = transient;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public static bool IsTransientStatus(int status) => status is 408 or 409 or 429 || status >= 500;

    /// <summary>Reads Retry-After as seconds (integer or decimal) or as an HTTP date.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? (date > now ? date - now : TimeSpan.Zero)
            : null;
    }
}
