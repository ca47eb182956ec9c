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

/// <summary>
/// Judges text before it is sent or returned: OpenAI's moderation endpoint where configured, the local rule set
/// otherwise, and the local rule set also when the endpoint cannot be reached (fail closed on rules, not open).
/// </summary>
internal sealed class ContentModerator(IOptionsMonitor<AiOptions> options, LocalRules rules, ILogger<ContentModerator> logger)
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
        try
        {
            client ??= new ModerationClient(settings.ModerationModel, new ApiKeyCredential(settings.ApiKey!), OpenAiProvider.ClientOptions(settings));
            ModerationResult result = await client.ClassifyTextAsync(text, cancellationToken);
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
        catch (Exception error) when (error is ClientResultException or HttpRequestException or IOException ||
                                      error is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "OpenAI moderation unavailable; the local rule set decided");
            return local;
        }
    }

    private bool UseOpenAi(out ProviderSettings settings)
    {
        var current = options.CurrentValue;
        settings = current.OpenAI;
        var configured = !string.IsNullOrWhiteSpace(settings.ApiKey) && !string.IsNullOrWhiteSpace(settings.BaseUrl);
        return current.Moderation.Provider.ToLowerInvariant() switch
        {
            "local" => false,
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
