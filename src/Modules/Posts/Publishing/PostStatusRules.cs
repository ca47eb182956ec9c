using Platform.Posts.Contracts;
using Platform.Posts.Data;

namespace Platform.Posts.Publishing;

/// <summary>A post's status once publishing started is a function of its targets' statuses.</summary>
internal static class PostStatusRules
{
    public static PostStatus Derive(IReadOnlyCollection<PostTarget> targets)
    {
        if (targets.Any(t => !t.IsSettled))
        {
            return PostStatus.Publishing;
        }
        var published = targets.Count(t => t.Status == TargetStatus.Published);
        return published == targets.Count ? PostStatus.Published
            : published > 0 ? PostStatus.PartiallyPublished
            : PostStatus.Failed;
    }
}
