using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing;
using Platform.SocialAccounts.Contracts;
using Shouldly;
using static Platform.Posts.Tests.StateMachine.Targets;

namespace Platform.Posts.Tests.StateMachine;

public sealed class RecordingAnOutcomeTests
{
    [TestCase(false, nameof(AttemptOutcome.Published))]
    [TestCase(true, nameof(AttemptOutcome.Reconciled))]
    public void Published_settles_the_target_with_the_platforms_id(bool reconciled, string recorded)
    {
        var (target, attempt) = Attempting(attemptsBefore: 1, TargetStatus.Unconfirmed);
        target.ErrorKind = TargetErrorKind.Unknown;

        target.RecordOutcome(attempt, new PublishOutcome.Published("4711", "https://x.com/a/status/4711", reconciled), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Published);
        target.PlatformPostId.ShouldBe("4711");
        target.PlatformUrl.ShouldBe("https://x.com/a/status/4711");
        target.PublishedAt.ShouldBe(Now);
        target.ErrorKind.ShouldBeNull();
        target.NextAttemptAt.ShouldBeNull();
        target.IsSettled.ShouldBeTrue();
        attempt.Outcome.ShouldBe(Enum.Parse<AttemptOutcome>(recorded));
        attempt.FinishedAt.ShouldBe(Now);
    }

    [Test]
    public void A_post_the_platform_cannot_be_asked_about_settles_unconfirmed_with_the_reason_even_with_attempts_left()
    {
        var (target, attempt) = Attempting(attemptsBefore: 1, TargetStatus.Unconfirmed);

        target.RecordOutcome(attempt, new PublishOutcome.CannotConfirm("no r_member_social"), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.IsSettled.ShouldBeTrue("another attempt would ask the same platform the same question");
        target.NextAttemptAt.ShouldBeNull();
        target.ErrorMessage!.ShouldContain("no r_member_social");
        attempt.Outcome.ShouldBe(AttemptOutcome.Unconfirmed);
        attempt.Error.ShouldBe("no r_member_social");
        target.CanRetryManually(confirmedNotPublished: false).ShouldBe(ManualRetry.NeedsConfirmation);
    }

    [TestCase(PlatformErrorKind.RateLimited)]
    [TestCase(PlatformErrorKind.TokenExpired)]
    public void A_retryable_refusal_with_attempts_left_waits_pending_at_least_the_platforms_retry_after(PlatformErrorKind kind)
    {
        var stored = Enum.Parse<TargetErrorKind>(kind.ToString());
        var (target, attempt) = Attempting();

        target.RecordOutcome(attempt, new PublishOutcome.Refused(kind, "slow down", TimeSpan.FromMinutes(15)), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Pending);
        target.ErrorKind.ShouldBe(stored);
        target.ErrorMessage.ShouldBe("slow down");
        target.NextAttemptAt.ShouldBe(Now + TimeSpan.FromMinutes(15));
        target.AttemptCount.ShouldBe(1);
        target.IsSettled.ShouldBeFalse();
        attempt.Outcome.ShouldBe(AttemptOutcome.Retry);
        attempt.ErrorKind.ShouldBe(stored);
        attempt.Error.ShouldBe("slow down");
    }

    [Test]
    public void A_retryable_refusal_on_the_last_attempt_fails_the_target()
    {
        var (target, attempt) = Attempting(attemptsBefore: 2);

        target.RecordOutcome(attempt, new PublishOutcome.Refused(PlatformErrorKind.RateLimited, "slow down", null), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Failed);
        target.ErrorKind.ShouldBe(TargetErrorKind.RateLimited);
        target.IsSettled.ShouldBeTrue();
        attempt.Outcome.ShouldBe(AttemptOutcome.Failed);
    }

    [TestCase(PlatformErrorKind.ContentRejected)]
    [TestCase(PlatformErrorKind.TokenRevoked)]
    [TestCase(PlatformErrorKind.Permanent)]
    public void A_refusal_that_would_recur_fails_at_once(PlatformErrorKind kind)
    {
        var stored = Enum.Parse<TargetErrorKind>(kind.ToString());
        var (target, attempt) = Attempting();

        target.RecordOutcome(attempt, new PublishOutcome.Refused(kind, "no", null), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Failed);
        target.ErrorKind.ShouldBe(stored);
        target.ErrorMessage.ShouldBe("no");
        target.NextAttemptAt.ShouldBeNull();
        attempt.Outcome.ShouldBe(AttemptOutcome.Failed);
        attempt.ErrorKind.ShouldBe(stored);
    }

    [Test]
    public void An_unknown_outcome_with_attempts_left_is_unconfirmed_and_retried_after_a_backoff()
    {
        var (target, attempt) = Attempting();

        target.RecordOutcome(attempt, new PublishOutcome.Unknown("timeout"), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.ErrorKind.ShouldBe(TargetErrorKind.Unknown);
        target.ErrorMessage.ShouldBe("timeout");
        target.NextAttemptAt!.Value.ShouldBeInRange(Now + TimeSpan.FromSeconds(24), Now + TimeSpan.FromSeconds(36));
        target.IsSettled.ShouldBeFalse();
        target.OutcomeLost.ShouldBeTrue();
        attempt.Outcome.ShouldBe(AttemptOutcome.Unconfirmed);
        attempt.ErrorKind.ShouldBe(TargetErrorKind.Unknown);
    }

    [Test]
    public void An_unknown_outcome_on_the_last_attempt_is_not_settled_but_looked_up_once_after_a_short_delay()
    {
        var (target, attempt) = Attempting(attemptsBefore: 2);

        target.RecordOutcome(attempt, new PublishOutcome.Unknown("timeout"), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.IsSettled.ShouldBeFalse("the platform may still say whether it has the post");
        target.NextAttemptAt.ShouldBe(Now + FinalLookupDelay);
        target.ErrorKind.ShouldBe(TargetErrorKind.Unknown);
        target.AttemptCount.ShouldBe(3);
        target.OnlyLookupLeft(ThreeAttempts).ShouldBeTrue();
        attempt.Outcome.ShouldBe(AttemptOutcome.Unconfirmed);
        attempt.Error.ShouldBe("timeout");
    }

    [Test]
    public void A_lookup_refused_for_now_with_attempts_left_stays_unconfirmed_so_the_next_attempt_looks_again_before_sending()
    {
        var (target, attempt) = Attempting(attemptsBefore: 1, TargetStatus.Unconfirmed);

        target.RecordOutcome(attempt, new PublishOutcome.Refused(PlatformErrorKind.RateLimited, "slow down", TimeSpan.FromMinutes(15), OutcomeUnknown: true), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.OutcomeLost.ShouldBeTrue();
        target.IsSettled.ShouldBeFalse();
        target.ErrorKind.ShouldBe(TargetErrorKind.RateLimited);
        target.NextAttemptAt.ShouldBe(Now + TimeSpan.FromMinutes(15));
        attempt.Outcome.ShouldBe(AttemptOutcome.Unconfirmed);
    }

    [Test]
    public void A_lookup_refused_for_now_on_the_last_attempt_leaves_the_final_lookup_not_before_the_platforms_retry_after()
    {
        var (target, attempt) = Attempting(attemptsBefore: 2, TargetStatus.Unconfirmed);

        target.RecordOutcome(attempt, new PublishOutcome.Refused(PlatformErrorKind.RateLimited, "slow down", TimeSpan.FromMinutes(15), OutcomeUnknown: true), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.OnlyLookupLeft(ThreeAttempts).ShouldBeTrue();
        target.NextAttemptAt.ShouldBe(Now + TimeSpan.FromMinutes(15));
    }

    [TestCase(PlatformErrorKind.Permanent)]
    [TestCase(PlatformErrorKind.ContentRejected)]
    public void A_lookup_refused_for_good_settles_unconfirmed_not_failed_since_the_post_may_be_there(PlatformErrorKind kind)
    {
        var (target, attempt) = Attempting(attemptsBefore: 1, TargetStatus.Unconfirmed);

        target.RecordOutcome(attempt, new PublishOutcome.Refused(kind, "forbidden", null, OutcomeUnknown: true), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.IsSettled.ShouldBeTrue();
        target.ErrorMessage!.ShouldContain("forbidden");
        target.CanRetryManually(confirmedNotPublished: false).ShouldBe(ManualRetry.NeedsConfirmation);
        attempt.Outcome.ShouldBe(AttemptOutcome.Unconfirmed);
    }

    [Test]
    public void A_timeout_before_anything_was_created_is_retried_without_a_lookup()
    {
        var (target, attempt) = Attempting();

        target.RecordOutcome(attempt, new PublishOutcome.Refused(PlatformErrorKind.Transient, "upload timed out", null, NothingCreated: true), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Pending);
        target.OutcomeLost.ShouldBeFalse();
        target.ErrorKind.ShouldBe(TargetErrorKind.Transient);
        target.NextAttemptAt.ShouldNotBeNull();
        attempt.Outcome.ShouldBe(AttemptOutcome.Retry);
    }

    [Test]
    public void A_timeout_before_anything_was_created_on_the_last_attempt_fails_saying_nothing_was_sent()
    {
        var (target, attempt) = Attempting(attemptsBefore: 2);

        target.RecordOutcome(attempt, new PublishOutcome.Refused(PlatformErrorKind.Transient, "upload timed out", null, NothingCreated: true), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Failed);
        target.ErrorKind.ShouldBe(TargetErrorKind.Transient);
        target.ErrorMessage.ShouldBe("Nothing was sent to the platform: upload timed out");
        target.IsSettled.ShouldBeTrue();
        attempt.Outcome.ShouldBe(AttemptOutcome.Failed);
        attempt.Error.ShouldBe("upload timed out");
    }

    [TestCase(false, TargetStatus.Pending)]
    [TestCase(true, TargetStatus.Unconfirmed)]
    public void Our_own_limit_gives_the_attempt_back_and_waits_for_it(bool outcomeUnknown, TargetStatus waiting)
    {
        var (target, attempt) = Attempting(attemptsBefore: 1);
        var outcome = new PublishOutcome.LimitReached("daily cap", TimeSpan.FromHours(2), outcomeUnknown);

        target.RecordOutcome(attempt, outcome, ThreeAttempts, Now);

        outcome.GivesAttemptBack.ShouldBeTrue();
        target.AttemptCount.ShouldBe(1);
        target.Status.ShouldBe(waiting);
        target.ErrorKind.ShouldBe(TargetErrorKind.RateLimited);
        target.ErrorMessage.ShouldBe("daily cap");
        target.NextAttemptAt.ShouldBe(Now + TimeSpan.FromHours(2));
        target.IsSettled.ShouldBeFalse();
    }

    [TestCase(false, TargetStatus.Pending)]
    [TestCase(true, TargetStatus.Unconfirmed)]
    public void Not_sent_gives_the_attempt_back_and_is_due_again_at_once(bool outcomeUnknown, TargetStatus waiting)
    {
        var (target, attempt) = Attempting();
        var outcome = new PublishOutcome.NotSent(outcomeUnknown);

        target.RecordOutcome(attempt, outcome, ThreeAttempts, Now);

        outcome.GivesAttemptBack.ShouldBeTrue();
        target.AttemptCount.ShouldBe(0);
        target.Status.ShouldBe(waiting);
        target.ErrorKind.ShouldBe(TargetErrorKind.NotSent);
        target.NextAttemptAt.ShouldBe(Now);
    }

    [Test]
    public void Outcomes_that_reached_the_platform_keep_their_attempt()
    {
        new PublishOutcome.Published("1", null, false).GivesAttemptBack.ShouldBeFalse();
        new PublishOutcome.Refused(PlatformErrorKind.Permanent, "no", null).GivesAttemptBack.ShouldBeFalse();
        new PublishOutcome.Unknown("timeout").GivesAttemptBack.ShouldBeFalse();
    }

    [Test]
    public void An_answer_to_a_superseded_attempt_no_longer_owns_the_target()
    {
        var (target, attempt) = Attempting();
        target.IsCurrentAttempt(attempt.Attempt).ShouldBeTrue();

        target.StartAttempt("takeover", Lease, Now);

        target.IsCurrentAttempt(attempt.Attempt).ShouldBeFalse();
        target.IsCurrentAttempt(2).ShouldBeTrue();
    }

    [Test]
    public void An_answer_after_the_target_settled_no_longer_owns_it()
    {
        var (target, attempt) = Attempting();
        target.RecordOutcome(attempt, new PublishOutcome.Published("1", null, false), ThreeAttempts, Now);

        target.IsCurrentAttempt(attempt.Attempt).ShouldBeFalse();
    }

    [Test]
    public void An_attempt_whose_worker_died_is_closed_as_unconfirmed()
    {
        var (_, attempt) = Attempting();

        attempt.CloseAsLost(Now);

        attempt.Outcome.ShouldBe(AttemptOutcome.Unconfirmed);
        attempt.FinishedAt.ShouldBe(Now);
        attempt.Error.ShouldBe("The worker stopped before recording the outcome.");
    }
}
