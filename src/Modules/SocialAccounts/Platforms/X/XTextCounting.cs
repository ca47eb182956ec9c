using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Platform.SocialAccounts.Content;

namespace Platform.SocialAccounts.Platforms.X;

/// <summary>
/// X's weighted length (twitter-text v3 configuration, https://docs.x.com/fundamentals/counting-characters):
/// NFC, then weight 100 for code points in the Latin and punctuation ranges and 200 otherwise, an emoji sequence 200
/// once, every URL 23 characters; the length is the weight / 100.
/// </summary>
internal static partial class XTextCounting
{
    public const int UrlLength = 23;

    public static int Weighted(string text)
    {
        text = text.Normalize(NormalizationForm.FormC);
        var weight = 0;
        var position = 0;
        foreach (Match url in UrlPattern().Matches(text))
        {
            weight += Weigh(text[position..url.Index]);
            weight += UrlLength * 100;
            position = url.Index + url.Length;
        }
        weight += Weigh(text[position..]);
        return weight / 100;
    }

    private static int Weigh(string segment)
    {
        var weight = 0;
        var elements = StringInfo.GetTextElementEnumerator(segment);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (TextCounting.IsEmoji(element))
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

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
