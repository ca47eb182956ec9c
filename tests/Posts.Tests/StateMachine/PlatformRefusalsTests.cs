using Platform.Posts.Publishing;
using Platform.Posts.Publishing.Breaker;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.Posts.Tests.StateMachine;

/// <summary>How a platform's refusal during an attempt is read: what it does to the attempt count and the account's breaker.</summary>
public sealed class PlatformRefusalsTests
{
    [Test]
    public void A_platform_publishing_limit_gives_the_attempt_back_and_says_nothing_about_the_account()
    {
        var full = new PlatformException(SocialPlatform.Threads, PlatformErrorKind.RateLimited, "250 posts in 24 hours", TimeSpan.FromHours(3), "4")
        {
            NothingCreated = true,
            PublishingLimitReached = true,
        };

        var outcome = PlatformRefusals.Outcome(full, outcomeUnknown: false);

        outcome.ShouldBe(new PublishOutcome.LimitReached("250 posts in 24 hours", TimeSpan.FromHours(3), false));
        outcome!.GivesAttemptBack.ShouldBeTrue();
        AccountSignals.Of(outcome).ShouldBe(AccountSignal.Silent);
    }

    [Test]
    public void An_ordinary_throttle_uses_the_attempt_and_counts_against_the_account()
    {
        var throttled = new PlatformException(SocialPlatform.Threads, PlatformErrorKind.RateLimited, "(#4) Application request limit reached", TimeSpan.FromMinutes(5), "4");

        var outcome = PlatformRefusals.Outcome(throttled, outcomeUnknown: true);

        outcome.ShouldBe(new PublishOutcome.Refused(PlatformErrorKind.RateLimited, "(#4) Application request limit reached", TimeSpan.FromMinutes(5), OutcomeUnknown: true));
        outcome!.GivesAttemptBack.ShouldBeFalse();
        AccountSignals.Of(outcome).ShouldBe(AccountSignal.Unhealthy);
    }

    [Test]
    public void Our_own_limit_gives_the_attempt_back_and_keeps_the_lost_outcome()
    {
        var local = new PlatformException(SocialPlatform.X, PlatformErrorKind.RateLimited, "cap", TimeSpan.FromHours(1), PlatformException.LocalLimitCode);

        PlatformRefusals.Outcome(local, outcomeUnknown: true).ShouldBe(new PublishOutcome.LimitReached("cap", TimeSpan.FromHours(1), true));
    }

    [Test]
    public void A_failure_before_the_create_call_leaves_nothing_to_look_for()
    {
        var upload = new PlatformException(SocialPlatform.X, PlatformErrorKind.Transient, "upload failed") { NothingCreated = true };

        PlatformRefusals.Outcome(upload, outcomeUnknown: true).ShouldBe(new PublishOutcome.Refused(PlatformErrorKind.Transient, "upload failed", null, NothingCreated: true));
    }

    [Test]
    public void A_transient_failure_after_sending_is_not_a_refusal() =>
        PlatformRefusals.Outcome(new PlatformException(SocialPlatform.X, PlatformErrorKind.Transient, "503"), outcomeUnknown: false).ShouldBeNull();
}
