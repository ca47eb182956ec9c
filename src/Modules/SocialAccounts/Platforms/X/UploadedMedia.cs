using System.Globalization;

namespace Platform.SocialAccounts.Platforms.X;

/// <summary>
/// A media id X gave us and until when X keeps it: "The returned mediaId is only valid for expires_after_secs seconds"
/// (https://developer.x.com/en/docs/twitter-api/v1/media/upload-media/api-reference/post-media-upload-finalize), so a
/// later attempt reuses it only while enough of that time is left to create the post.
/// </summary>
internal sealed record UploadedMedia(string Id, DateTimeOffset ExpiresAt)
{
    /// <summary>Time left over for the post to be created after the id is taken from the journal.</summary>
    public static readonly TimeSpan ReuseMargin = TimeSpan.FromMinutes(15);

    public bool IsReusableAt(DateTimeOffset now) => ExpiresAt - now > ReuseMargin;

    /// <summary>As a journal step holds it: the id and the expiry in Unix seconds.</summary>
    public string Format() => $"{Id} {ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";

    public static UploadedMedia? Parse(string? recorded) =>
        recorded?.Split(' ') is [var id, var expires] && long.TryParse(expires, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? new UploadedMedia(id, DateTimeOffset.FromUnixTimeSeconds(seconds))
            : null;
}
