using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing;
using Shouldly;
using static Platform.Posts.Tests.StateMachine.Targets;

namespace Platform.Posts.Tests.StateMachine;

/// <summary>
/// Attempts that our own stops (a killed process, a claim run out) cut short after they reached their send are not the
/// platform's failures: when the final lookup shows none of them published anything, they are not counted and the post
/// is sent again, at most the attempts once more.
/// </summary>
public sealed class StoppedAttemptsTests
{
    [Test]
    public void Only_a_stop_after_the_send_counts_as_a_stopped_attempt()
    {
        var (beforeSend, early) = Attempting();
        beforeSend.TakeOver(early, Now).ShouldBeTrue();
        beforeSend.StoppedAttempts.ShouldBe(0);

        var (afterSend, sent) = Attempting();
        sent.SendingAt = Now.AddSeconds(-1);
        afterSend.TakeOver(sent, Now).ShouldBeFalse();
        afterSend.StoppedAttempts.ShouldBe(1);
    }

    [Test]
    public void Absent_after_attempts_a_stop_cut_short_sends_the_post_again_with_those_attempts_not_counted()
    {
        var target = New();
        StopAfterSend(target, "worker-1");
        StopAfterSend(target, "worker-2");
        FailWithUnknown(target);
        target.OnlyLookupLeft(ThreeAttempts).ShouldBeTrue();
        var lookup = target.StartAttempt("worker-4", Lease, Now);

        target.RecordOutcome(lookup, new PublishOutcome.Absent(), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Pending);
        target.IsSettled.ShouldBeFalse();
        target.NextAttemptAt.ShouldBe(Now);
        target.AttemptCount.ShouldBe(1, "the timed-out attempt still counts; the two stopped ones do not");
        target.ForgivenAttempts.ShouldBe(2);
        target.ErrorMessage!.ShouldContain("2 attempt(s) cut short");
        lookup.Outcome.ShouldBe(AttemptOutcome.Retry);
        target.OutcomeLost.ShouldBeFalse("the lookup showed nothing there: the next attempt simply sends");
        var next = target.StartAttempt("worker-5", Lease, Now);
        target.Status.ShouldBe(TargetStatus.Publishing);
        next.Attempt.ShouldBe(2);
    }

    [Test]
    public void Stops_are_forgiven_once_each_and_at_most_the_attempts_in_all_so_a_post_that_stops_every_worker_ends()
    {
        var target = New();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                StopAfterSend(target, $"worker-{round}-{i}");
            }
            var lookup = target.StartAttempt("looker", Lease, Now);
            target.RecordOutcome(lookup, new PublishOutcome.Absent(), ThreeAttempts, Now);
            if (round == 0)
            {
                target.Status.ShouldBe(TargetStatus.Pending);
                target.AttemptCount.ShouldBe(0);
            }
        }

        target.Status.ShouldBe(TargetStatus.Failed);
        target.IsSettled.ShouldBeTrue();
        target.ErrorMessage!.ShouldContain("nothing was published");
        target.ForgivenAttempts.ShouldBe(3);
        target.StoppedAttempts.ShouldBe(6);
    }

    [Test]
    public void Attempts_that_failed_on_the_platform_are_never_forgiven()
    {
        var target = New();
        for (var i = 0; i < 3; i++)
        {
            FailWithUnknown(target);
        }
        var lookup = target.StartAttempt("looker", Lease, Now);

        target.RecordOutcome(lookup, new PublishOutcome.Absent(), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Failed);
        target.ForgivenAttempts.ShouldBe(0);
    }

    [Test]
    public void An_admins_retry_starts_a_fresh_count_of_stops()
    {
        var target = New();
        StopAfterSend(target, "worker-1");
        var lookup = target.StartAttempt("looker", Lease, Now);
        target.RecordOutcome(lookup, new PublishOutcome.Refused(SocialAccounts.Contracts.PlatformErrorKind.Permanent, "gone", null), ThreeAttempts, Now);
        target.Status.ShouldBe(TargetStatus.Failed);

        target.RetryByHand(absenceConfirmed: false, Now);

        target.StoppedAttempts.ShouldBe(0);
        target.ForgivenAttempts.ShouldBe(0);
    }

    /// <summary>An attempt reaches its send and its worker is killed; the next claim takes it over.</summary>
    private static void StopAfterSend(PostTarget target, string worker)
    {
        var attempt = target.StartAttempt(worker, Lease, Now);
        attempt.SendingAt = Now;
        target.TakeOver(attempt, Now).ShouldBeFalse();
    }

    /// <summary>An attempt whose request timed out on the platform: its outcome is unknown.</summary>
    private static void FailWithUnknown(PostTarget target)
    {
        var attempt = target.StartAttempt("worker", Lease, Now);
        attempt.SendingAt = Now;
        target.RecordOutcome(attempt, new PublishOutcome.Unknown("timeout"), ThreeAttempts, Now);
    }
}
