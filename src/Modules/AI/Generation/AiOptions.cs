using Platform.AI.Contracts;

namespace Platform.AI.Generation;

/// <summary>Configuration section <c>AI</c>. No key set for a provider means that provider is not used.</summary>
internal sealed class AiOptions
{
    public const string Section = "AI";

    public ProviderSettings OpenAI { get; set; } = new()
    {
        BaseUrl = "https://api.openai.com/v1",
        Models = Models(text: "gpt-4o-mini", image: "gpt-image-1"),
    };

    public ProviderSettings Anthropic { get; set; } = new()
    {
        BaseUrl = "https://api.anthropic.com",
        Models = Models(text: "claude-sonnet-5-5", image: null),
    };

    /// <summary>Any server speaking OpenAI's chat completions API (vLLM, Ollama, LM Studio, a gateway...).</summary>
    public ProviderSettings Compatible { get; set; } = new() { Models = Models(text: "", image: null) };

    /// <summary>Provider per request type (by default captions, hashtags and images on OpenAI; content and improve on Anthropic).</summary>
    public Dictionary<string, string> Routing { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Caption"] = "openai",
        ["Hashtags"] = "openai",
        ["Image"] = "openai",
        ["Content"] = "anthropic",
        ["Improve"] = "anthropic",
    };

    /// <summary>Provider tried when the routed one fails after its retries or its circuit is open.</summary>
    public Dictionary<string, string> Fallback { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Caption"] = "anthropic",
        ["Hashtags"] = "anthropic",
        ["Content"] = "openai",
        ["Improve"] = "openai",
    };

    /// <summary>USD per model id.</summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Output cap per request type; it also bounds the reservation.</summary>
    public Dictionary<string, int> MaxOutputTokens { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Caption"] = 600,
        ["Hashtags"] = 200,
        ["Content"] = 2000,
        ["Improve"] = 1000,
        // gpt-image-1's largest output: a high-quality 1536x1024 image, https://platform.openai.com/docs/guides/image-generation
        ["Image"] = 6240,
    };

    /// <summary>
    /// A request still PENDING after this long was abandoned by a crash; its reservation is released on the
    /// tenant's next request. Must exceed the longest call (timeout x attempts) plus the image job queue's delay.
    /// </summary>
    public int AbandonedAfterMinutes { get; set; } = 30;

    public ResilienceSettings Resilience { get; set; } = new();
    public CacheSettings Cache { get; set; } = new();
    public ModerationSettings Moderation { get; set; } = new();

    public int MaxOutputTokensFor(AiRequestType type) => MaxOutputTokens.GetValueOrDefault(type.ToString(), 1000);

    private static Dictionary<string, string> Models(string text, string? image)
    {
        var models = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in Enum.GetValues<AiRequestType>().Where(t => t != AiRequestType.Image))
        {
            models[type.ToString()] = text;
        }
        if (image is not null)
        {
            models[nameof(AiRequestType.Image)] = image;
        }
        return models;
    }
}

internal sealed class ProviderSettings
{
    public string? ApiKey { get; set; }
    public string? BaseUrl { get; set; }
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public string ModerationModel { get; set; } = "omni-moderation-latest";
    public string ImageSize { get; set; } = "1024x1024";
}

internal sealed class ModelPrice
{
    public decimal InputPerMillion { get; set; }
    public decimal OutputPerMillion { get; set; }
    public decimal PerImage { get; set; }
}

internal sealed class ResilienceSettings
{
    public int MaxRetries { get; set; } = 3;
    public int BaseDelayMilliseconds { get; set; } = 500;
    /// <summary>A Retry-After longer than this is not waited for: the call fails over instead.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 30;
    public int TimeoutSeconds { get; set; } = 60;
    public double FailureRatio { get; set; } = 0.5;
    public int MinimumThroughput { get; set; } = 5;
    public int SamplingSeconds { get; set; } = 30;
    public int BreakSeconds { get; set; } = 30;
}

internal sealed class CacheSettings
{
    /// <summary>How long an identical request is answered from Redis without a new charge; 0 turns the cache off.</summary>
    public int WindowSeconds { get; set; } = 600;
}

internal sealed class ModerationSettings
{
    /// <summary><c>Auto</c> (OpenAI when its key is set, else the local rules), <c>OpenAI</c> or <c>Local</c>.</summary>
    public ModerationProvider Provider { get; set; } = ModerationProvider.Auto;
    /// <summary>What decides when OpenAI's moderation still fails after its retries: nobody (503) or the local rules.</summary>
    public ModerationFallback WhenUnavailable { get; set; } = ModerationFallback.Refuse;
    /// <summary>Retries of a failed moderation call (429, 5xx, timeouts), with exponential backoff from <see cref="BaseDelayMilliseconds"/>.</summary>
    public int MaxRetries { get; set; } = 3;
    public int BaseDelayMilliseconds { get; set; } = 250;
    /// <summary>A Retry-After longer than this is not waited for: the check fails (closed) at once.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 10;
    /// <summary>Extra terms the local rule set rejects, per tenant policy of the deployment.</summary>
    public List<string> BlockedTerms { get; set; } = [];
}

internal enum ModerationProvider
{
    Auto,
    OpenAI,
    Local,
}

internal enum ModerationFallback
{
    /// <summary>Fail closed: answer 503, generate and charge nothing.</summary>
    Refuse,
    /// <summary>The deployment accepts the local rule set as its moderation when OpenAI's is down.</summary>
    LocalRules,
}
