using System.Globalization;
using System.Text;
using Platform.SocialAccounts.Content;

namespace Platform.SocialAccounts.Platforms.Meta;

/// <summary>Threads counts characters, except that an emoji counts its UTF-8 byte length.</summary>
internal static class ThreadsTextCounting
{
    public static int Length(string text)
    {
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            length += TextCounting.IsEmoji(element) ? Encoding.UTF8.GetByteCount(element) : 1;
        }
        return length;
    }
}
