using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.AI.Generation;

/// <summary>Plain text processing shared by the offline provider and the shaping of every provider's output.</summary>
internal static partial class TextTools
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "of", "to", "in", "on", "at", "by", "for",
        "with", "from", "into", "about", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this",
        "that", "these", "those", "we", "our", "you", "your", "they", "their", "he", "she", "his", "her", "i", "me",
        "my", "us", "them", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should",
        "may", "might", "must", "not", "no", "yes", "all", "any", "some", "more", "most", "very", "just", "also",
        "there", "here", "what", "which", "who", "whom", "when", "where", "why", "how", "out", "up", "new", "get",
        "got", "make", "made", "every", "each", "only", "own", "same", "too", "now", "one", "over", "after", "before",
        "while", "because", "until", "again", "really", "into", "via", "per", "let", "lets", "let's", "it's", "we're",
    };

    private static readonly string[] Fillers = ["very", "really", "just", "actually", "basically", "literally", "totally", "quite"];

    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceBreak().Split(Normalize(text)).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    public static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    /// <summary>
    /// The text's key terms, best first: frequent content words, with a bonus for capitalised words (names,
    /// brands) and for appearing early; ties keep the order of first appearance.
    /// </summary>
    public static IReadOnlyList<string> KeyTerms(string text, int count)
    {
        var scores = new Dictionary<string, (double Score, int First)>(StringComparer.OrdinalIgnoreCase);
        var words = Words(text).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Length < 3 || StopWords.Contains(word) || word.All(char.IsDigit))
            {
                continue;
            }
            var bonus = char.IsUpper(word[0]) && i > 0 ? 0.5 : 0;
            bonus += 1.0 / (1 + i / 10.0) * 0.3;
            word = Singular(word);
            scores[word] = scores.TryGetValue(word, out var seen) ? (seen.Score + 1 + bonus, seen.First) : (1 + bonus, i);
        }
        return scores
            .OrderByDescending(s => s.Value.Score).ThenBy(s => s.Value.First)
            .Take(count)
            .Select(s => s.Key.ToLowerInvariant())
            .ToList();
    }

    /// <summary>Folds a plain English plural onto its singular, so "coffees" counts as "coffee".</summary>
    private static string Singular(string word) =>
        word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.OrdinalIgnoreCase)
            && !word.EndsWith("us", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("is", StringComparison.OrdinalIgnoreCase)
            ? word[..^1]
            : word;

    /// <summary>How much a sentence is about the key terms: used to pick the best sentences.</summary>
    public static double Relevance(string sentence, IReadOnlyList<string> keyTerms)
    {
        var words = Words(sentence).Select(w => Singular(w).ToLowerInvariant()).ToHashSet();
        return keyTerms.Select((term, rank) => words.Contains(term) ? 1.0 / (1 + rank) : 0).Sum();
    }

    public static string Hashtag(string term)
    {
        var letters = new string(term.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());
        return letters.Length == 0 ? "" : "#" + letters.ToLowerInvariant();
    }

    /// <summary>
    /// The text as is when it <paramref name="fits"/>; otherwise its longest start that fits with an ellipsis, cut at
    /// a word boundary unless that would lose more than half of it. Cuts fall between text elements, so an emoji or
    /// an accented letter is never split.
    /// </summary>
    public static string Fit(string text, Func<string, bool> fits)
    {
        text = text.Trim();
        if (fits(text))
        {
            return text;
        }
        // ends[k] is where the first k text elements end.
        var ends = new List<int> { 0 };
        for (var end = 0; end < text.Length;)
        {
            end += StringInfo.GetNextTextElementLength(text, end);
            ends.Add(end);
        }
        // A longer start counts longer on every platform, so a binary search finds the longest one that fits: the
        // first `fitting` elements fit with their ellipsis (none: "…" alone), all `tooLong` of them, the whole text, do not.
        var (fitting, tooLong) = (0, ends.Count - 1);
        while (tooLong - fitting > 1)
        {
            var middle = (fitting + tooLong) / 2;
            (fitting, tooLong) = fits(Cut(text[..ends[middle]])) ? (middle, tooLong) : (fitting, middle);
        }
        var start = text[..ends[fitting]];
        var space = start.LastIndexOf(' ');
        return space > start.Length / 2 && fits(Cut(start[..space])) ? Cut(start[..space]) : Cut(start);
    }

    private static string Cut(string start) => start.TrimEnd(' ', ',', ';', ':', '-') + "…";

    public static string RemoveFillers(string text)
    {
        var pattern = new Regex(@"\b(" + string.Join('|', Fillers) + @")\b\s*", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return Normalize(pattern.Replace(text, ""));
    }

    public static string Formal(string text) => Contractions.Aggregate(text, (current, pair) => Swap(current, pair.Short, pair.Long));

    public static string Casual(string text) => Contractions.Aggregate(text, (current, pair) => Swap(current, pair.Long, pair.Short));

    // Keeps the capital of a sentence's first word: "Don't" becomes "Do not".
    private static string Swap(string text, string from, string to) =>
        Regex.Replace(text, @"\b" + Regex.Escape(from) + @"\b", match => char.IsUpper(match.Value[0]) ? char.ToUpperInvariant(to[0]) + to[1..] : to,
            RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    public static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static readonly (string Short, string Long)[] Contractions =
    [
        ("don't", "do not"), ("can't", "cannot"), ("won't", "will not"), ("isn't", "is not"), ("aren't", "are not"),
        ("it's", "it is"), ("we're", "we are"), ("you're", "you are"), ("they're", "they are"), ("I'm", "I am"),
        ("we'll", "we will"), ("you'll", "you will"), ("didn't", "did not"), ("doesn't", "does not"), ("let's", "let us"),
    ];

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'_-]*")]
    private static partial Regex WordPattern();
}
