namespace Platform.SocialAccounts.Platforms.X;

/// <summary>
/// The text an X post really carries: the post's text, with its link appended when the text does not already hold it
/// (X wraps the link as a t.co URL of 23 weighted characters, https://docs.x.com/fundamentals/counting-characters).
/// The client sends this and the content rules count this, so a post that fits is a post X accepts.
/// </summary>
internal static class XPostText
{
    public static string? Compose(string? text, string? link) =>
        link is { Length: > 0 } && !(text ?? "").Contains(link, StringComparison.Ordinal)
            ? $"{text} {link}".Trim()
            : text;
}
