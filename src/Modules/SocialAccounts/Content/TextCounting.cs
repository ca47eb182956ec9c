using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.SocialAccounts.Content;

/// <summary>Lengths the way each platform counts them.</summary>
internal static partial class TextCounting
{
    public const int XUrlLength = 23;

    /// <summary>
    /// X (twitter-text v3 configuration): NFC, then weight 100 for code points in the Latin/punctuation ranges and
    /// 200 otherwise, an emoji sequence 200 once, every URL 23 characters; the result is weight / 100.
    /// </summary>
    public static int XWeighted(string text)
    {
        text = text.Normalize(NormalizationForm.FormC);
        var weight = 0;
        var position = 0;
        foreach (Match url in UrlPattern().Matches(text))
        {
            weight += WeighX(text[position..url.Index]);
            weight += XUrlLength * 100;
            position = url.Index + url.Length;
        }
        weight += WeighX(text[position..]);
        return weight / 100;
    }

    /// <summary>Threads: characters, except that an emoji counts its UTF-8 byte length.</summary>
    public static int Threads(string text)
    {
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            length += IsEmoji(element) ? Encoding.UTF8.GetByteCount(element) : 1;
        }
        return length;
    }

    /// <summary>What a person sees as characters (grapheme clusters).</summary>
    public static int Graphemes(string text) => new StringInfo(text).LengthInTextElements;

    public static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    public static int Utf16Units(string text) => text.Length;

    private static int WeighX(string segment)
    {
        var weight = 0;
        var elements = StringInfo.GetTextElementEnumerator(segment);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (IsEmoji(element))
            {
                weight += 200;
                continue;
            }
            var previous = -1;
            foreach (var rune in element.EnumerateRunes())
            {
                // NFC would compose a Latin letter and its accent into one code point; with invariant globalization
                // string.Normalize cannot, so such a mark is not counted separately.
                if (!(previous is >= 0 and <= 0x024F && Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark))
                {
                    weight += InLightRange(rune.Value) ? 100 : 200;
                }
                previous = rune.Value;
            }
        }
        return weight;
    }

    private static bool InLightRange(int codePoint) =>
        codePoint is (>= 0 and <= 4351) or (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247);

    private static bool IsEmoji(string element)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            if (rune.Value is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF) or 0xFE0F or 0x200D or (>= 0x1F1E6 and <= 0x1F1FF))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
