using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Shouldly;
using static Platform.Posts.Tests.StateMachine.Targets;

namespace Platform.Posts.Tests.StateMachine;

public sealed class StartingAnAttemptTests
{
    [Test]
    public void A_pending_target_starts_publishing_and_counts_the_attempt()
    {
        var target = New(TargetStatus.Pending, attempts: 1, nextAttemptAt: Now);

        var attempt = target.StartAttempt("worker-7", Lease, Now);

        target.Status.ShouldBe(TargetStatus.Publishing);
        target.AttemptCount.ShouldBe(2);
        target.NextAttemptAt.ShouldBeNull();
        target.UpdatedAt.ShouldBe(Now);
        target.IsSettled.ShouldBeFalse();
        attempt.Attempt.ShouldBe(2);
        attempt.Outcome.ShouldBe(AttemptOutcome.Started);
        attempt.TargetId.ShouldBe(target.Id);
        attempt.TenantId.ShouldBe(target.TenantId);
        attempt.Worker.ShouldBe("worker-7");
        attempt.StartedAt.ShouldBe(Now);
        attempt.FinishedAt.ShouldBeNull();
    }

    [TestCase(TargetStatus.Publishing)]
    [TestCase(TargetStatus.Unconfirmed)]
    public void A_target_whose_last_outcome_was_lost_stays_unconfirmed_and_comes_back_when_the_claim_runs_out(TargetStatus status)
    {
        var target = New(status, attempts: 1, nextAttemptAt: Now);
        target.OutcomeLost.ShouldBeTrue();

        target.StartAttempt("worker-1", Lease, Now);

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.NextAttemptAt.ShouldBe(Now + Lease);
        target.IsSettled.ShouldBeFalse();
    }

    [TestCase(TargetStatus.Pending, 0, 61, true)]
    [TestCase(TargetStatus.Pending, 0, 59, false)]
    [TestCase(TargetStatus.Pending, 1, 61, false)]
    [TestCase(TargetStatus.Unconfirmed, 0, 61, false)]
    [TestCase(TargetStatus.Publishing, 0, 61, false)]
    public void Only_a_never_attempted_target_claimed_past_the_window_is_missed(TargetStatus status, int attempts, int minutesLate, bool missed) =>
        New(status, attempts).IsMissed(TimeSpan.FromMinutes(minutesLate), TimeSpan.FromHours(1)).ShouldBe(missed);

    [Test]
    public void A_missed_target_fails_for_good_saying_when_it_was_due()
    {
        var target = New(TargetStatus.Pending, nextAttemptAt: Now);

        target.SettleAsMissed(Now.AddHours(-3), Now);

        target.Status.ShouldBe(TargetStatus.Failed);
        target.ErrorKind.ShouldBe(TargetErrorKind.Missed);
        target.ErrorMessage!.ShouldContain("2026-12-05 06:00:00Z");
        target.NextAttemptAt.ShouldBeNull();
        target.IsSettled.ShouldBeTrue();
    }

    [Test]
    public void A_deferred_target_waits_without_using_an_attempt()
    {
        var target = New(TargetStatus.Pending, attempts: 1);

        target.Defer(TargetErrorKind.AccountPaused, "paused", Now.AddMinutes(5), outcomeUnknown: false, Now);

        target.Status.ShouldBe(TargetStatus.Pending);
        target.AttemptCount.ShouldBe(1);
        target.ErrorKind.ShouldBe(TargetErrorKind.AccountPaused);
        target.ErrorMessage.ShouldBe("paused");
        target.NextAttemptAt.ShouldBe(Now.AddMinutes(5));
        target.IsSettled.ShouldBeFalse();
    }

    [Test]
    public void A_deferred_target_whose_outcome_is_unknown_stays_unconfirmed_so_it_is_looked_up_first()
    {
        var target = New(TargetStatus.Publishing, attempts: 1);

        target.Defer(TargetErrorKind.AccountPaused, "paused", Now.AddMinutes(5), outcomeUnknown: true, Now);

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.OutcomeLost.ShouldBeTrue();
        target.IsSettled.ShouldBeFalse();
    }
}
