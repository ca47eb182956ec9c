using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.TestKit;

/// <summary>One line of the Prometheus text format: a series' name, its labels and its value.</summary>
public sealed partial record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public static IReadOnlyList<PrometheusSample> Parse(string text) =>
        [.. text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').Select(ParseLine)];

    public bool Has(string label, string value) => Labels.TryGetValue(label, out var actual) && actual == value;

    private static PrometheusSample ParseLine(string line)
    {
        var match = Line().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"Not a Prometheus sample: {line}");
        }
        var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
        return new PrometheusSample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$""")]
    private static partial Regex Line();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Label();
}
