using Platform.Media.Contracts;
using Platform.Posts.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.Shared;

/// <summary>Applies a validated payload to a post: content, media and the set of targets.</summary>
internal static class PostWriter
{
    /// <param name="library">The payload's library items, all found (see <see cref="TargetChecks.ResolveMediaAsync"/>).</param>
    public static void Apply(
        Post post, PostPayload payload, IReadOnlyDictionary<Guid, SocialAccountDto> accounts, IReadOnlyDictionary<Guid, LibraryMedia> library, DateTimeOffset now)
    {
        post.Title = payload.Title;
        post.Content = payload.Content ?? "";
        post.Type = Enum.Parse<PostType>(payload.Type, ignoreCase: true);
        post.Media = ToPostMedia(payload.Media, library);
        post.Link = payload.Link;
        post.UpdatedAt = now;

        var wanted = payload.Targets.ToDictionary(t => t.AccountId);
        post.Targets.RemoveAll(t => !wanted.ContainsKey(t.SocialAccountId));
        foreach (var (accountId, spec) in wanted)
        {
            var target = post.Targets.FirstOrDefault(t => t.SocialAccountId == accountId);
            if (target is null)
            {
                target = new PostTarget
                {
                    Id = Guid.NewGuid(),
                    TenantId = post.TenantId,
                    PostId = post.Id,
                    SocialAccountId = accountId,
                    Platform = accounts[accountId].Platform.Slug(),
                };
                post.Targets.Add(target);
            }
            target.CustomContent = spec.CustomContent;
            target.Media = ToPostMedia(spec.Media, library);
            target.Options = new TargetOptions(spec.Title, spec.BoardId, spec.Subreddit, spec.PrivacyLevel, spec.AllowComments, spec.AllowDuets, spec.AllowStitches);
            target.UpdatedAt = now;
        }
    }

    private static List<PostMedia> ToPostMedia(IReadOnlyList<MediaPayload>? media, IReadOnlyDictionary<Guid, LibraryMedia> library) =>
        (media ?? []).Select(m => m.Id is { } id
            ? PostMedia.FromLibrary(library[id])
            : new PostMedia(m.Url, m.Kind!, m.ContentType!, m.SizeBytes!.Value, m.AltText, m.DurationSeconds)).ToList();
}
