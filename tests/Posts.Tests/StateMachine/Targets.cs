using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing;

namespace Platform.Posts.Tests.StateMachine;

/// <summary>Targets and attempts in a given state, built in memory: the state machine needs no database.</summary>
internal static class Targets
{
    public static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan FinalLookupDelay = TimeSpan.FromSeconds(20);
    public static readonly RetryPolicy ThreeAttempts = new(3, TimeSpan.FromSeconds(30), FinalLookupDelay);

    public static PostTarget New(TargetStatus status = TargetStatus.Pending, int attempts = 0, DateTimeOffset? nextAttemptAt = null) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = Guid.NewGuid(),
        PostId = Guid.NewGuid(),
        SocialAccountId = Guid.NewGuid(),
        Platform = "x",
        Status = status,
        AttemptCount = attempts,
        NextAttemptAt = nextAttemptAt,
    };

    /// <summary>A target whose attempt <c>n</c> is under way (n = its attempts so far + 1), with that attempt's record.</summary>
    public static (PostTarget Target, TargetAttempt Attempt) Attempting(int attemptsBefore = 0, TargetStatus status = TargetStatus.Pending)
    {
        var target = New(status, attemptsBefore);
        return (target, target.StartAttempt("worker-1", Lease, Now.AddSeconds(-1)));
    }
}
