using System.Text.RegularExpressions;

namespace Platform.Notifications.Tests;

internal sealed partial record ReceivedMail(string Subject, string From, DateTimeOffset ReceivedAt, string Text, string Html)
{
    /// <summary>The <c>token</c> of the link in the text that starts with <paramref name="linkStart"/>.</summary>
    public string TokenOfLink(string linkStart)
    {
        var match = Regex.Match(Text, Regex.Escape(linkStart) + @"\?token=(?<token>[^\s]+)");
        if (!match.Success)
        {
            throw new AssertionException($"No link starting with {linkStart} in:\n{Text}");
        }
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }
}
