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
}
