using System.Text;
using Platform.AI.Contracts;
using Platform.AI.Generation;

namespace Platform.AI.Providers;

/// <summary>
/// Answers without any vendor, deterministically, by processing the input text itself (sentence selection,
/// key-term extraction, trimming to platform rules). It lets the platform run out of the box and is named
/// <c>offline</c> in every response so nobody mistakes its output for a model's.
/// </summary>
internal sealed class OfflineProvider : IAiProvider
{
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
            AiRequestType.Image => Image(task.Text),
            _ => throw new ArgumentOutOfRangeException(nameof(call), task.Type, "Unknown request type."),
        };
        // Token counts in the vendors' sense do not exist here; words are the honest analogue.
        var response = new ProviderResponse(text, call.Model, TextTools.Words(call.Prompt.User).Count(), TextTools.Words(text).Count(),
            task.Type == AiRequestType.Image ? 1 : 0);
        return Task.FromResult(response);
    }

    private static string Captions(AiTask task)
    {
        var rules = task.Rules;
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
            var room = rules.MaxChars - (tagLine.Length == 0 ? 0 : tagLine.Length + 1);
            var caption = TextTools.Fit(body.ToString(), Math.Max(20, room));
            variants.Add(tagLine.Length == 0 || room < 20 ? TextTools.Fit(caption, rules.MaxChars) : caption + " " + tagLine);
        }
        return string.Join("\n---\n", variants.Distinct());
    }

    private static IReadOnlyList<string> Hashtags(string text, int count) =>
        TextTools.KeyTerms(text, Math.Max(0, count)).Select(TextTools.Hashtag).Where(t => t.Length > 1).ToList();

    private static string LongForm(AiTask task)
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
        var tags = Hashtags(task.Text, Math.Min(task.Rules.MaxHashtags, 3));
        if (tags.Count > 0)
        {
            body.AppendLine().Append(string.Join(' ', tags));
        }
        return body.ToString().Trim();
    }

    private static string Improve(AiTask task)
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
                var rules = task.Rules;
                var tags = Hashtags(text, Math.Min(rules.MaxHashtags, 3));
                var tagLine = string.Join(' ', tags);
                var room = rules.MaxChars - (tagLine.Length == 0 ? 0 : tagLine.Length + 1);
                return tagLine.Length == 0 ? TextTools.Fit(text, rules.MaxChars) : TextTools.Fit(text, room) + " " + tagLine;
        }
    }

    private static bool IsFormal(string? tone) =>
        tone is not null && (tone.Contains("formal", StringComparison.OrdinalIgnoreCase) && !tone.Contains("informal", StringComparison.OrdinalIgnoreCase)
            || tone.Contains("professional", StringComparison.OrdinalIgnoreCase));

    /// <summary>An SVG card: a colour derived from the prompt and its key terms as the title.</summary>
    private static string Image(string prompt)
    {
        var hash = TextTools.Sha256(prompt);
        var hue = Convert.ToInt32(hash[..4], 16) % 360;
        var title = System.Security.SecurityElement.Escape(string.Join(" · ", TextTools.KeyTerms(prompt, 3)));
        var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024"><rect width="1024" height="1024" fill="hsl({hue},60%,45%)"/><text x="512" y="512" font-size="56" text-anchor="middle" fill="white" font-family="sans-serif">{title}</text></svg>""";
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
