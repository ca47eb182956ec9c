using System.ClientModel;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Moderations;
using Platform.AI.Generation;
using Platform.AI.Providers;

namespace Platform.AI.Moderation;

/// <param name="Source">Who judged: <c>openai</c> or <c>local</c>.</param>
internal sealed record ModerationVerdict(bool Allowed, string? Reason, string Source);

/// <summary>No moderation could decide (OpenAI's endpoint kept failing and local rules are not enough by configuration).</summary>
internal sealed class ModerationUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Judges text before it is sent or returned: OpenAI's moderation endpoint where configured (the local rules also run
/// first, for the deployment's own blocked terms), the local rule set alone when <c>AI:Moderation:Provider</c> says so.
/// A failing endpoint is retried with exponential backoff; when it still cannot decide, the check fails closed
/// (<see cref="ModerationUnavailableException"/>) unless <c>AI:Moderation:WhenUnavailable</c> is <c>LocalRules</c>:
/// the local rules know a few categories only, so they must not silently stand in for the model.
/// </summary>
internal sealed class ContentModerator(IOptionsMonitor<AiOptions> options, LocalRules rules, TimeProvider clock, ILogger<ContentModerator> logger)
{
    private ModerationClient? client;

    public async Task<ModerationVerdict> CheckAsync(string text, CancellationToken cancellationToken)
    {
        var local = rules.Check(text);
        // Nothing to judge (an image's output has no text): the endpoint rejects empty input.
        if (!local.Allowed || string.IsNullOrWhiteSpace(text) || !UseOpenAi(out var settings))
        {
            return local;
        }
        var moderation = options.CurrentValue.Moderation;
        client ??= new ModerationClient(settings.ModerationModel, new ApiKeyCredential(settings.ApiKey!), OpenAiProvider.ClientOptions(settings));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return Verdict(await client.ClassifyTextAsync(text, cancellationToken));
            }
            catch (Exception error) when (IsUnavailable(error, cancellationToken))
            {
                var wait = RetryDelay(error, attempt, moderation);
                if (wait is { } delay)
                {
                    logger.LogWarning(error, "OpenAI moderation failed (attempt {Attempt}); retrying in {Delay}", attempt + 1, delay);
                    await Task.Delay(delay, clock, cancellationToken);
                    continue;
                }
                if (moderation.WhenUnavailable == ModerationFallback.LocalRules)
                {
                    logger.LogWarning(error, "OpenAI moderation unavailable; the local rules decided, as configured");
                    return local;
                }
                throw new ModerationUnavailableException("OpenAI moderation could not be reached after its retries.", error);
            }
        }
    }

    private static ModerationVerdict Verdict(ModerationResult result)
    {
        if (!result.Flagged)
        {
            return new ModerationVerdict(true, null, OpenAiProvider.OpenAiName);
        }
        var categories = new (string Name, ModerationCategory Category)[]
        {
            ("hate", result.Hate), ("hate/threatening", result.HateThreatening), ("harassment", result.Harassment),
            ("harassment/threatening", result.HarassmentThreatening), ("illicit", result.Illicit), ("illicit/violent", result.IllicitViolent),
            ("self-harm", result.SelfHarm), ("self-harm/intent", result.SelfHarmIntent), ("self-harm/instructions", result.SelfHarmInstructions),
            ("sexual", result.Sexual), ("sexual/minors", result.SexualMinors), ("violence", result.Violence), ("violence/graphic", result.ViolenceGraphic),
        };
        var flagged = categories.Where(c => c.Category.Flagged).Select(c => c.Name).ToList();
        return new ModerationVerdict(false, "flagged by moderation: " + (flagged.Count == 0 ? "policy" : string.Join(", ", flagged)), OpenAiProvider.OpenAiName);
    }

    private static bool IsUnavailable(Exception error, CancellationToken cancellationToken) =>
        error is ClientResultException or HttpRequestException or IOException ||
        error is OperationCanceledException && !cancellationToken.IsCancellationRequested;

    /// <summary>The wait before the next attempt, or null when the failure is final (not transient, or no retries left).</summary>
    private TimeSpan? RetryDelay(Exception error, int attempt, ModerationSettings moderation)
    {
        if (attempt >= moderation.MaxRetries)
        {
            return null;
        }
        if (error is ClientResultException { Status: > 0 } http)
        {
            if (!AiProviderException.IsTransientStatus(http.Status))
            {
                return null;
            }
            string? header = null;
            http.GetRawResponse()?.Headers.TryGetValue("retry-after", out header);
            if (AiProviderException.ParseRetryAfter(header, clock.GetUtcNow()) is { } asked)
            {
                return asked <= TimeSpan.FromSeconds(moderation.MaxRetryAfterSeconds) ? asked : null;
            }
        }
        return TimeSpan.FromMilliseconds(moderation.BaseDelayMilliseconds * Math.Pow(2, attempt));
    }

    private bool UseOpenAi(out ProviderSettings settings)
    {
        var current = options.CurrentValue;
        settings = current.OpenAI;
        var configured = !string.IsNullOrWhiteSpace(settings.ApiKey) && !string.IsNullOrWhiteSpace(settings.BaseUrl);
        return current.Moderation.Provider switch
        {
            ModerationProvider.Local => false,
            // Validated at start: OpenAI moderation is configured when it is asked for by name.
            ModerationProvider.OpenAI => true,
            _ => configured,
        };
    }
}

/// <summary>
/// The local rule set: whole-word patterns per category, plus the deployment's own blocked terms. Coarse on
/// purpose: it stands in for a moderation model, it does not replace one.
/// </summary>
internal sealed class LocalRules(IOptionsMonitor<AiOptions> options)
{
    private static readonly (string Category, Regex Pattern)[] Categories =
    [
        ("violence", Word(@"kill (yo)?u|murder|behead|shoot (him|her|them|you)|bomb (the|a)|massacre")),
        ("self-harm", Word(@"kill (myself|yourself)|suicide method|cut myself|self[- ]harm tips")),
        ("hate", Word(@"subhuman|ethnic cleansing|white power|racial purity")),
        ("harassment", Word(@"you (stupid|worthless) (idiot|loser)|go die|nobody will miss you")),
        ("illicit", Word(@"buy (cocaine|heroin|meth)|fake passports?|stolen credit cards?")),
        ("spam", Word(@"guaranteed (profit|returns)|get rich quick|100% free money")),
    ];

    public ModerationVerdict Check(string text)
    {
        foreach (var (category, pattern) in Categories)
        {
            if (pattern.IsMatch(text))
            {
                return new ModerationVerdict(false, $"rejected by local rules: {category}", "local");
            }
        }
        var blocked = options.CurrentValue.Moderation.BlockedTerms
            .FirstOrDefault(term => term.Length > 0 && Word(Regex.Escape(term)).IsMatch(text));
        return blocked is null
            ? new ModerationVerdict(true, null, "local")
            : new ModerationVerdict(false, "rejected by local rules: blocked term", "local");
    }

    private static Regex Word(string alternatives) =>
        new(@"\b(" + alternatives + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
