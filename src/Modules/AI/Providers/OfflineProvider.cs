using System.Text;
using Platform.AI.Contracts;
using Platform.AI.Generation;
using Platform.SocialAccounts.Contracts;

namespace Platform.AI.Providers;

/// <summary>
/// Answers without any vendor, deterministically, by processing the input text itself (sentence selection,
/// key-term extraction, trimming to platform rules). It lets the platform run out of the box and is named
/// <c>offline</c> in every response so nobody mistakes its output for a model's.
/// </summary>
internal sealed class OfflineProvider(IContentRules contentRules, IHashtagConventions hashtags) : IAiProvider
{
    // Below this a caption is too short to be worth its hashtags: the tags are dropped instead.
    private const int MinCaptionBesideTags = 20;

    public const string ProviderName = "offline";
    public const string TextModel = "offline-text-v1";
    public const string ImageModel = "offline-svg-v1";

    public string Name => ProviderName;

    public bool IsConfigured => true;

    public string? ModelFor(AiRequestType type) => type == AiRequestType.Image ? ImageModel : TextModel;

    public Task<ProviderResponse> GenerateAsync(ProviderCall call, CancellationToken cancellationToken)
    {
        var task = call.Task;
        var text = task.Type switch
        {
            AiRequestType.Caption => Captions(task),
            AiRequestType.Hashtags => string.Join(' ', Hashtags(task.Text, task.Count)),
            AiRequestType.Content => LongForm(task),
            AiRequestType.Improve => Improve(task),
            AiRequestType.Image => "data:image/png;base64," + Convert.ToBase64String(Image(task.Text)),
            _ => throw new ArgumentOutOfRangeException(nameof(call), task.Type, "Unknown request type."),
        };
        // Token counts in the vendors' sense do not exist here; words are the honest analogue.
        var response = new ProviderResponse(text, call.Model, TextTools.Words(call.Prompt.User).Count(), TextTools.Words(text).Count(),
            task.Type == AiRequestType.Image ? 1 : 0, ImageBytes: task.Type == AiRequestType.Image ? Image(task.Text) : null);
        return Task.FromResult(response);
    }

    private string Captions(AiTask task)
    {
        var rules = new TargetRules(task.Platforms, contentRules, hashtags);
        var terms = TextTools.KeyTerms(task.Text, 8);
        var ranked = TextTools.Sentences(task.Text)
            .Select((sentence, index) => (sentence, index, score: TextTools.Relevance(sentence, terms)))
            .OrderByDescending(s => s.score).ThenBy(s => s.index)
            .ToList();
        var tags = Hashtags(task.Text, Math.Min(rules.MaxHashtags, 3));
        var variants = new List<string>();
        for (var v = 0; v < task.Variants && ranked.Count > 0; v++)
        {
            // Variant v leads with the v-th most relevant sentence, then adds the next ones while they fit.
            var lead = ranked[v % ranked.Count];
            var body = new StringBuilder(lead.sentence);
            foreach (var next in ranked.Skip(v + 1).Take(v))
            {
                body.Append(' ').Append(next.sentence);
            }
            var tagLine = string.Join(' ', tags.Skip(v % Math.Max(1, tags.Count)).Concat(tags.Take(v % Math.Max(1, tags.Count))));
            variants.Add(WithTagLine(body.ToString(), tagLine, rules));
        }
        return string.Join("\n---\n", variants.Distinct());
    }

    /// <summary>The text fitted to the targets with the tag line after it, or without the tags when they leave too little room.</summary>
    private static string WithTagLine(string text, string tagLine, TargetRules rules)
    {
        if (tagLine.Length > 0)
        {
            var beside = TextTools.Fit(text, candidate => rules.Fits(candidate + " " + tagLine));
            if (beside.Length >= MinCaptionBesideTags)
            {
                return beside + " " + tagLine;
            }
        }
        return rules.Fit(text);
    }

    private static IReadOnlyList<string> Hashtags(string text, int count) =>
        TextTools.KeyTerms(text, Math.Max(0, count)).Select(TextTools.Hashtag).Where(t => t.Length > 1).ToList();

    private string LongForm(AiTask task)
    {
        var sentences = TextTools.Sentences(task.Text);
        var terms = TextTools.KeyTerms(task.Text, 5);
        var hook = sentences.OrderByDescending(s => TextTools.Relevance(s, terms)).FirstOrDefault() ?? task.Text;
        var body = new StringBuilder(hook).AppendLine().AppendLine();
        // The rest in the writer's order, three sentences a paragraph.
        var rest = sentences.Where(s => s != hook).ToList();
        for (var i = 0; i < rest.Count; i += 3)
        {
            body.AppendLine(string.Join(' ', rest.Skip(i).Take(3))).AppendLine();
        }
        if (terms.Count > 0)
        {
            body.AppendLine($"Key points: {string.Join(", ", terms)}.");
        }
        var tags = Hashtags(task.Text, Math.Min(new TargetRules(task.Platforms, contentRules, hashtags).MaxHashtags, 3));
        if (tags.Count > 0)
        {
            body.AppendLine().Append(string.Join(' ', tags));
        }
        return body.ToString().Trim();
    }

    private string Improve(AiTask task)
    {
        var text = TextTools.Normalize(task.Text);
        switch (task.Goal)
        {
            case ImproveGoals.Shorter:
                var sentences = TextTools.Sentences(TextTools.RemoveFillers(text));
                var terms = TextTools.KeyTerms(text, 6);
                // Keep the most relevant sentences, in their original order, within ~60% of the length.
                var budget = Math.Max(40, text.Length * 6 / 10);
                var kept = sentences.Select((s, i) => (s, i, score: TextTools.Relevance(s, terms)))
                    .OrderByDescending(x => x.score).ThenBy(x => x.i)
                    .Aggregate(new List<(string s, int i)>(), (list, x) =>
                    {
                        if (list.Count == 0 || list.Sum(k => k.s.Length + 1) + x.s.Length <= budget)
                        {
                            list.Add((x.s, x.i));
                        }
                        return list;
                    });
                return string.Join(' ', kept.OrderBy(k => k.i).Select(k => k.s));
            case ImproveGoals.MoreEngaging:
                var topic = TextTools.KeyTerms(text, 1).FirstOrDefault();
                var question = topic is null ? "What do you think?" : $"What's your take on {topic}?";
                var first = TextTools.Sentences(text).FirstOrDefault() ?? text;
                var hook = first.EndsWith('!') ? first : first.TrimEnd('.') + "!";
                return string.Join(' ', new[] { hook }.Concat(TextTools.Sentences(text).Skip(1)).Append(question));
            case ImproveGoals.ChangeTone:
                return IsFormal(task.Tone) ? TextTools.Formal(text) : TextTools.Casual(text);
            default:
                var rules = new TargetRules(task.Platforms, contentRules, hashtags);
                return WithTagLine(text, string.Join(' ', Hashtags(text, Math.Min(rules.MaxHashtags, 3))), rules);
        }
    }

    private static bool IsFormal(string? tone) =>
        tone is not null && (tone.Contains("formal", StringComparison.OrdinalIgnoreCase) && !tone.Contains("informal", StringComparison.OrdinalIgnoreCase)
            || tone.Contains("professional", StringComparison.OrdinalIgnoreCase));

    /// <summary>A square PNG in a colour derived from the prompt, so the same prompt always draws the same card.</summary>
    private static byte[] Image(string prompt)
    {
        var (red, green, blue) = OfflinePng.FromHue(Convert.ToInt32(TextTools.Sha256(prompt)[..4], 16) % 360);
        return OfflinePng.Solid(256, red, green, blue);
    }
}
