namespace Platform.PaymentServers.Stripe;

/// <summary>
/// The parameters of one request as Stripe's form encoding carries them: <c>application/x-www-form-urlencoded</c>
/// bodies for POST and the query string for GET (https://docs.stripe.com/api, "accepts form-encoded request bodies"),
/// hashes as <c>metadata[key]=value</c> (https://docs.stripe.com/api/metadata), arrays as <c>line_items[0][price]=</c>
/// (https://docs.stripe.com/api/checkout/sessions/create, line_items) or <c>expand[]=</c>
/// (https://docs.stripe.com/api/expanding_objects).
/// </summary>
public sealed class StripeForm
{
    private readonly List<KeyValuePair<string, string>> pairs;

    private StripeForm(List<KeyValuePair<string, string>> pairs) => this.pairs = pairs;

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => pairs;

    public static StripeForm Parse(string encoded)
    {
        var parsed = new List<KeyValuePair<string, string>>();
        foreach (var part in encoded.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Decode(part[(equals + 1)..]);
            parsed.Add(new(key, value));
        }
        return new StripeForm(parsed);
    }

    /// <summary>"a[b][0]" as ["a", "b", "0"]; null when the brackets are malformed.</summary>
    public static string[]? Segments(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return key.Length > 0 && !key.Contains(']', StringComparison.Ordinal) ? [key] : null;
        }
        if (open == 0)
        {
            return null;
        }
        var segments = new List<string> { key[..open] };
        var rest = key[open..];
        while (rest.Length > 0)
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (rest[0] != '[' || close < 0)
            {
                return null;
            }
            var inner = rest[1..close];
            if (inner.Contains('[', StringComparison.Ordinal))
            {
                return null;
            }
            segments.Add(inner);
            rest = rest[(close + 1)..];
        }
        return [.. segments];
    }

    /// <summary>The value of a parameter (the last one when sent twice); empty values count as absent, as Stripe unsets them.</summary>
    public string? Value(string key)
    {
        for (var i = pairs.Count - 1; i >= 0; i--)
        {
            if (pairs[i].Key == key)
            {
                return pairs[i].Value.Length == 0 ? null : pairs[i].Value;
            }
        }
        return null;
    }

    public bool Has(string name) => pairs.Any(pair => Segments(pair.Key) is { } segments && segments[0] == name);

    /// <summary>A hash parameter such as <c>metadata[...]</c> or <c>subscription_data[metadata][...]</c>, by its prefix.</summary>
    public Dictionary<string, string> Hash(string prefix)
    {
        var hash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (key.StartsWith(prefix + "[", StringComparison.Ordinal) && key.EndsWith(']') && value.Length > 0)
            {
                hash[key[(prefix.Length + 1)..^1]] = value;
            }
        }
        return hash;
    }

    /// <summary>An array of strings, sent as <c>name[]=</c> or <c>name[0]=</c>.</summary>
    public IReadOnlyList<string> List(string name) =>
        [.. pairs.Where(pair => Segments(pair.Key) is [var head, var index] && head == name && IsIndex(index)).Select(pair => pair.Value)];

    /// <summary>The indices used by an array of hashes such as <c>line_items[0][price]</c>, in order.</summary>
    public IReadOnlyList<string> Indices(string name) =>
        [.. pairs.Select(pair => Segments(pair.Key)).OfType<string[]>().Where(s => s.Length > 2 && s[0] == name).Select(s => s[1]).Distinct().OrderBy(i => int.TryParse(i, out var n) ? n : -1)];

    /// <summary>The parameters in a canonical order, to tell a retried request from a different one.</summary>
    public string Canonical => string.Join('&', pairs.OrderBy(pair => pair.Key, StringComparer.Ordinal).ThenBy(pair => pair.Value, StringComparer.Ordinal)
        .Select(pair => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value)));

    public static bool IsIndex(string segment) => segment.Length == 0 || segment.All(char.IsAsciiDigit);

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
