using Platform.Posts.Data;

namespace Platform.Posts.Features.Shared;

/// <summary>What the audit log keeps of a post: its title, state, time and the accounts it goes to, not its text.</summary>
internal static class PostAudit
{
    public static object Summary(Post post) => new
    {
        post.Title,
        post.Status,
        post.ScheduledAt,
        post.Version,
        Accounts = post.Targets.Select(t => t.SocialAccountId).Order().ToList(),
    };
}
