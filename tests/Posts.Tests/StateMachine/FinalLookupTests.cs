using Platform.Posts.Contracts;
using Platform.Posts.Data;
using Platform.Posts.Publishing;
using Platform.SocialAccounts.Contracts;
using Shouldly;
using static Platform.Posts.Tests.StateMachine.Targets;

namespace Platform.Posts.Tests.StateMachine;

/// <summary>
/// After the last attempt's outcome was lost, one lookup that never sends decides: found, the target is PUBLISHED; absent,
/// FAILED saying nothing was published; only a platform that cannot tell (or a lookup that fails too) leaves it UNCONFIRMED.
/// </summary>
public sealed class FinalLookupTests
{
    [TestCase(TargetStatus.Unconfirmed, 3, true)]
    [TestCase(TargetStatus.Publishing, 3, true)]
    [TestCase(TargetStatus.Unconfirmed, 2, false)]
    [TestCase(TargetStatus.Publishing, 1, false)]
    [TestCase(TargetStatus.Pending, 3, false)]
    public void Only_a_lost_outcome_with_the_attempts_used_up_leaves_just_a_lookup(TargetStatus status, int attempts, bool lookupOnly) =>
        New(status, attempts, nextAttemptAt: Now).OnlyLookupLeft(ThreeAttempts).ShouldBe(lookupOnly);

    [Test]
    public void An_admins_retry_of_an_unconfirmed_target_has_its_attempts_again_not_just_a_lookup()
    {
        var target = New(TargetStatus.Unconfirmed, attempts: 3);

        target.RetryByHand(absenceConfirmed: true, Now);

        target.OnlyLookupLeft(ThreeAttempts).ShouldBeFalse();
        target.OutcomeLost.ShouldBeTrue("its next attempt still asks the platform first");
    }

    [Test]
    public void The_lookup_is_an_attempt_past_the_last_one()
    {
        var (target, lookup) = FinalLookup();

        ThreeAttempts.IsFinalLookup(lookup.Attempt).ShouldBeTrue();
        ThreeAttempts.IsFinalLookup(3).ShouldBeFalse();
        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.IsSettled.ShouldBeFalse("should its worker die, the lookup comes back when the claim runs out");
    }

    [Test]
    public void Found_publishes_the_target_with_the_platforms_id_and_the_lookup_is_not_counted()
    {
        var (target, lookup) = FinalLookup();

        target.RecordOutcome(lookup, new PublishOutcome.Published("4711", "https://x.com/a/status/4711", Reconciled: true), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Published);
        target.IsSettled.ShouldBeTrue();
        target.PlatformPostId.ShouldBe("4711");
        target.PlatformUrl.ShouldBe("https://x.com/a/status/4711");
        target.ErrorKind.ShouldBeNull();
        target.AttemptCount.ShouldBe(3);
        lookup.Outcome.ShouldBe(AttemptOutcome.Reconciled);
    }

    [Test]
    public void Absent_fails_the_target_saying_nothing_was_published_so_an_admin_may_retry_it_without_confirming()
    {
        var (target, lookup) = FinalLookup();

        target.RecordOutcome(lookup, new PublishOutcome.Absent(), ThreeAttempts, Now);

        target.Status.ShouldBe(TargetStatus.Failed);
        target.IsSettled.ShouldBeTrue();
        target.NextAttemptAt.ShouldBeNull();
        target.ErrorKind.ShouldBe(TargetErrorKind.Transient);
        target.ErrorMessage!.ShouldContain("nothing was published");
        target.AttemptCount.ShouldBe(3);
        target.CanRetryManually(confirmedNotPublished: false).ShouldBe(ManualRetry.Allowed);
        lookup.Outcome.ShouldBe(AttemptOutcome.Failed);
        lookup.FinishedAt.ShouldBe(Now);
    }

    [Test]
    public void A_platform_that_cannot_tell_leaves_the_target_unconfirmed_for_a_person()
    {
        var (target, lookup) = FinalLookup();

        target.RecordOutcome(lookup, new PublishOutcome.CannotConfirm("no r_member_social"), ThreeAttempts, Now);

        AssertUnconfirmedForAPerson(target, lookup);
        target.ErrorMessage!.ShouldContain("no r_member_social");
    }

    [Test]
    public void A_lookup_that_fails_too_leaves_the_target_unconfirmed_instead_of_looking_again()
    {
        var (target, lookup) = FinalLookup();

        target.RecordOutcome(lookup, new PublishOutcome.Unknown("timeout"), ThreeAttempts, Now);

        AssertUnconfirmedForAPerson(target, lookup);
        target.ErrorMessage!.ShouldContain("timeout");
    }

    [TestCase(PlatformErrorKind.RateLimited)]
    [TestCase(PlatformErrorKind.Permanent)]
    public void A_refused_lookup_says_nothing_about_the_post_and_leaves_it_unconfirmed_not_failed(PlatformErrorKind kind)
    {
        var (target, lookup) = FinalLookup();

        target.RecordOutcome(lookup, new PublishOutcome.Refused(kind, "slow down", TimeSpan.FromMinutes(1)), ThreeAttempts, Now);

        AssertUnconfirmedForAPerson(target, lookup);
        target.ErrorMessage!.ShouldContain("slow down");
    }

    [Test]
    public void A_lookup_put_off_by_our_own_limit_or_a_late_worker_comes_back_as_a_lookup_again()
    {
        foreach (PublishOutcome putOff in new PublishOutcome[] { new PublishOutcome.LimitReached("daily cap", TimeSpan.FromHours(1), true), new PublishOutcome.NotSent(true) })
        {
            var (target, lookup) = FinalLookup();

            target.RecordOutcome(lookup, putOff, ThreeAttempts, Now);

            target.Status.ShouldBe(TargetStatus.Unconfirmed);
            target.IsSettled.ShouldBeFalse();
            target.AttemptCount.ShouldBe(3);
            target.OnlyLookupLeft(ThreeAttempts).ShouldBeTrue();
        }
    }

    [Test]
    public void A_lookup_whose_worker_died_is_given_back_since_it_never_sends()
    {
        var (target, lookup) = FinalLookup();

        target.TakeOver(lookup, Now).ShouldBeTrue();

        target.AttemptCount.ShouldBe(3);
        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.OnlyLookupLeft(ThreeAttempts).ShouldBeTrue();
    }

    /// <summary>A target whose third and last attempt lost its answer, now in its final lookup.</summary>
    private static (PostTarget Target, TargetAttempt Lookup) FinalLookup()
    {
        var (target, last) = Attempting(attemptsBefore: 2);
        target.RecordOutcome(last, new PublishOutcome.Unknown("timeout"), ThreeAttempts, Now.AddSeconds(-30));
        target.OnlyLookupLeft(ThreeAttempts).ShouldBeTrue();
        return (target, target.StartAttempt("worker-2", Lease, Now.AddSeconds(-1)));
    }

    private static void AssertUnconfirmedForAPerson(PostTarget target, TargetAttempt lookup)
    {
        target.Status.ShouldBe(TargetStatus.Unconfirmed);
        target.IsSettled.ShouldBeTrue();
        target.NextAttemptAt.ShouldBeNull();
        target.ErrorKind.ShouldBe(TargetErrorKind.Unknown);
        target.ErrorMessage!.ShouldContain("Check the account");
        target.AttemptCount.ShouldBe(3);
        target.CanRetryManually(confirmedNotPublished: false).ShouldBe(ManualRetry.NeedsConfirmation);
        lookup.Outcome.ShouldBe(AttemptOutcome.Unconfirmed);
    }
}
