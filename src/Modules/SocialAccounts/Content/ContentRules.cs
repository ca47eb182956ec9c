using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Content;

/// <summary>
/// Each platform's publishing rules (docs/adr/0003 lists the sources), checked before anything is sent. The rules live in
/// each platform's <see cref="PlatformDescriptor"/>; a rule that reflects what this integration supports rather than the
/// platform says so in its reason.
/// </summary>
internal sealed class ContentRules(PlatformCatalog catalog) : IContentRules
{
    public int CountLength(SocialPlatform platform, string text) => catalog[platform].Text.Count(text);

    public int MaxTextLength(SocialPlatform platform) => catalog[platform].Text.Max;

    public ContentCheck Check(SocialPlatform platform, PostContent content)
    {
        var descriptor = catalog[platform];
        var check = new ContentChecker(content);
        var text = descriptor.Text;
        check.MaxLength("text", descriptor.SentText(content), text.Count, text.Max, text.Unit);
        descriptor.CheckContent(check);
        if (content.Link is { Length: > 0 } link && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            check.Add("link", "The link must be an absolute http(s) URL.");
        }
        return new ContentCheck(platform, check.Violations);
    }
}
