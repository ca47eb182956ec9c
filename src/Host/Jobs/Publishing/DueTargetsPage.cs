using Platform.Posts.Contracts;

namespace Platform.Host.Jobs.Publishing;

/// <summary>Due targets and those a dispatcher holds, with how late each is.</summary>
internal sealed class DueTargetsPage(IReadOnlyList<QueuedTarget> targets) : PublishingPage("Due and in flight")
{
    protected override void Body() => Table(
        ["State", "Late by", "Due at", "Tenant", "Post", "Target", "Account", "Platform", "Attempts", "Lease until", "Sending since"],
        targets.Select(t => (IReadOnlyList<object?>)
            [t.State, Lateness(t.Lateness), t.DueAt, t.TenantId, t.PostId, t.TargetId, t.AccountId, t.Platform, t.Attempts, t.LeaseUntil, t.SendingAt]),
        "No target is due.");
}
