using System.Globalization;
using System.Text;

namespace Platform.SocialAccounts.Content;

/// <summary>Lengths every platform's counting is built from; a platform's own way of counting sits in its folder.</summary>
internal static class TextCounting
{
    /// <summary>What a person sees as characters (grapheme clusters).</summary>
    public static int Graphemes(string text) => new StringInfo(text).LengthInTextElements;

    public static int Utf8Bytes(string text) => Encoding.UTF8.GetByteCount(text);

    public static int Utf16Units(string text) => text.Length;

    /// <summary>Whether a text element is an emoji (or part of an emoji sequence), which several platforms count apart.</summary>
    public static bool IsEmoji(string element)
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
}
