using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Shouldly;
using static Platform.Posts.Tests.StateMachine.Targets;

namespace Platform.Posts.Tests.StateMachine;

public sealed class RetryingByHandTests
{
    [TestCase(TargetStatus.Failed, null, false, nameof(ManualRetry.Allowed))]
    [TestCase(TargetStatus.Unconfirmed, null, false, nameof(ManualRetry.NeedsConfirmation))]
    [TestCase(TargetStatus.Unconfirmed, null, true, nameof(ManualRetry.Allowed))]
    [TestCase(TargetStatus.Unconfirmed, 5, true, nameof(ManualRetry.NotFailed))]
    [TestCase(TargetStatus.Published, null, true, nameof(ManualRetry.NotFailed))]
    [TestCase(TargetStatus.Pending, null, true, nameof(ManualRetry.NotFailed))]
    [TestCase(TargetStatus.Publishing, null, true, nameof(ManualRetry.NotFailed))]
    public void Only_settled_failures_are_retried_and_unconfirmed_ones_once_checked(
        TargetStatus status, int? nextAttemptInMinutes, bool confirmedNotPublished, string expected) =>
        New(status, attempts: 3, nextAttemptInMinutes is { } minutes ? Now.AddMinutes(minutes) : null)
            .CanRetryManually(confirmedNotPublished).ShouldBe(Enum.Parse<ManualRetry>(expected));

    [Test]
    public void A_reset_target_is_pending_with_all_its_attempts_ahead()
    {
        var target = New(TargetStatus.Failed, attempts: 3);
        target.ErrorKind = TargetErrorKind.ContentRejected;
        target.ErrorMessage = "duplicate";

        target.ResetForRetry(Now);

        target.Status.ShouldBe(TargetStatus.Pending);
        target.AttemptCount.ShouldBe(0);
        target.ErrorKind.ShouldBeNull();
        target.ErrorMessage.ShouldBeNull();
        target.NextAttemptAt.ShouldBeNull();
        target.UpdatedAt.ShouldBe(Now);
        target.OutcomeLost.ShouldBeFalse();
    }

    [Test]
    public void A_retried_unconfirmed_target_is_due_now_and_still_looked_up_first()
    {
        var target = New(TargetStatus.Unconfirmed, attempts: 3);
        target.ErrorKind = TargetErrorKind.Unknown;
        target.ErrorMessage = "timed out";

        target.RetryByHand(absenceConfirmed: true, Now);

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.OutcomeLost.ShouldBeTrue();
        target.IsSettled.ShouldBeFalse();
        target.NextAttemptAt.ShouldBe(Now);
        target.AttemptCount.ShouldBe(0);
        target.ErrorKind.ShouldBeNull();
        target.AbsenceConfirmed.ShouldBeTrue();
    }

    [Test]
    public void A_retried_failed_target_starts_fresh()
    {
        var target = New(TargetStatus.Failed, attempts: 3);

        target.RetryByHand(absenceConfirmed: true, Now);

        target.Status.ShouldBe(TargetStatus.Pending);
        target.OutcomeLost.ShouldBeFalse();
        target.AbsenceConfirmed.ShouldBeFalse();
    }

    [Test]
    public void Only_the_attempt_after_the_check_relies_on_it()
    {
        var target = New(TargetStatus.Unconfirmed, attempts: 3);
        target.RetryByHand(absenceConfirmed: true, Now);

        target.StartAttempt("worker-1", Lease, Now);

        target.AbsenceConfirmed.ShouldBeFalse();
    }
}
