using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Data;

internal static class PostContentFactory
{
    /// <summary>What is sent to one target: its custom text, media and options over the post's.</summary>
    public static PostContent For(Post post, PostTarget target) => new(
        target.CustomContent ?? post.Content,
        MediaOf(post, target).Select(m => new MediaItem(m.MediaId is { } id ? LibraryMediaReference.For(id) : m.Url!, Enum.Parse<MediaKind>(m.Kind, true), m.ContentType, m.SizeBytes, m.AltText, m.DurationSeconds)).ToList(),
        post.Link, target.Options.Title ?? post.Title, target.Options.BoardId, target.Options.Subreddit, target.Options.PrivacyLevel,
        // Options stored before interactions existed read as null: off.
        new Interactions(target.Options.AllowComments ?? false, target.Options.AllowDuets ?? false, target.Options.AllowStitches ?? false));

    /// <summary>The media one target sends: its own when it has any, else the post's.</summary>
    public static IReadOnlyList<PostMedia> MediaOf(Post post, PostTarget target) => target.Media.Count > 0 ? target.Media : post.Media;
}
