using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Data;

internal static class PostContentFactory
{
    /// <summary>What is sent to one target: its custom text and options over the post's.</summary>
    public static PostContent For(Post post, PostTarget target) => new(
        target.CustomContent ?? post.Content,
        post.Media.Select(m => new MediaItem(m.MediaId is { } id ? LibraryMediaReference.For(id) : m.Url!, Enum.Parse<MediaKind>(m.Kind, true), m.ContentType, m.SizeBytes, m.AltText, m.DurationSeconds)).ToList(),
        post.Link, target.Options.Title ?? post.Title, target.Options.BoardId, target.Options.Subreddit, target.Options.PrivacyLevel,
        // Options stored before interactions existed read as null: off.
        new Interactions(target.Options.AllowComments ?? false, target.Options.AllowDuets ?? false, target.Options.AllowStitches ?? false));
}
