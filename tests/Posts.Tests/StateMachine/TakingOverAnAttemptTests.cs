using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing;
using Shouldly;
using static Platform.Posts.Tests.StateMachine.Targets;

namespace Platform.Posts.Tests.StateMachine;

/// <summary>
/// A worker that finds an attempt unfinished (its worker was killed, or its claim ran out) treats it as maybe sent only
/// if it reached its send; one stopped before that is given back, so nothing is looked up or counted for it.
/// </summary>
public sealed class TakingOverAnAttemptTests
{
    [Test]
    public void An_attempt_stopped_before_its_send_is_given_back_and_the_next_attempt_simply_sends()
    {
        var (target, stopped) = Attempting(attemptsBefore: 0);

        target.TakeOver(stopped, Now).ShouldBeTrue();

        target.Status.ShouldBe(TargetStatus.Pending);
        target.AttemptCount.ShouldBe(0);
        target.OutcomeLost.ShouldBeFalse();
        var next = target.StartAttempt("worker-2", Lease, Now);
        target.Status.ShouldBe(TargetStatus.Publishing);
        next.Attempt.ShouldBe(1);
    }

    [Test]
    public void An_attempt_that_reached_its_send_is_closed_as_lost_and_the_next_attempt_looks_first()
    {
        var (target, stopped) = Attempting(attemptsBefore: 0);
        stopped.SendingAt = Now.AddSeconds(-1);

        target.TakeOver(stopped, Now).ShouldBeFalse();

        stopped.Outcome.ShouldBe(AttemptOutcome.Unconfirmed);
        stopped.FinishedAt.ShouldBe(Now);
        target.OutcomeLost.ShouldBeTrue();
        target.AttemptCount.ShouldBe(1);
        target.StartAttempt("worker-2", Lease, Now);
        target.Status.ShouldBe(TargetStatus.Unconfirmed);
    }

    [Test]
    public void Two_attempts_given_back_unsent_then_one_killed_before_its_send_never_end_unconfirmed()
    {
        var target = New(TargetStatus.Pending);
        for (var i = 0; i < 2; i++)
        {
            var late = target.StartAttempt("worker-1", Lease, Now);
            target.RecordOutcome(late, new PublishOutcome.NotSent(OutcomeUnknown: false), ThreeAttempts, Now);
        }
        var killed = target.StartAttempt("worker-1", Lease, Now);

        target.TakeOver(killed, Now).ShouldBeTrue();
        var next = target.StartAttempt("worker-2", Lease, Now);
        target.RecordOutcome(next, new PublishOutcome.Unknown("timeout"), ThreeAttempts, Now);

        // The one attempt that reached the platform is the first: two more remain, each looking the post up first.
        next.Attempt.ShouldBe(1);
        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.IsSettled.ShouldBeFalse();
    }

    [Test]
    public void A_lookup_killed_before_any_send_keeps_the_earlier_loss_and_gives_its_attempt_back()
    {
        var (target, lost) = Attempting(attemptsBefore: 0);
        target.RecordOutcome(lost, new PublishOutcome.Unknown("timeout"), ThreeAttempts, Now);
        var lookup = target.StartAttempt("worker-2", Lease, Now);

        target.TakeOver(lookup, Now).ShouldBeTrue();

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.OutcomeLost.ShouldBeTrue();
        target.AttemptCount.ShouldBe(1);
        // However often a lookup is cut short, the attempts that end in UNCONFIRMED are not used up by it.
        for (var i = 0; i < 5; i++)
        {
            target.TakeOver(target.StartAttempt("worker-3", Lease, Now), Now).ShouldBeTrue();
        }
        target.AttemptCount.ShouldBe(1);
        target.IsSettled.ShouldBeFalse();
    }

    [Test]
    public void An_older_attempt_left_open_is_closed_as_lost_not_given_back()
    {
        var (target, older) = Attempting(attemptsBefore: 0);
        target.StartAttempt("worker-2", Lease, Now);

        target.TakeOver(older, Now).ShouldBeFalse();

        older.Outcome.ShouldBe(AttemptOutcome.Unconfirmed);
        target.AttemptCount.ShouldBe(2);
    }
}
