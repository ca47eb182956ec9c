using Platform.Posts.Publishing;
using Shouldly;

namespace Platform.Posts.Tests.StateMachine;

public sealed class RetryScheduleTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);

    [TestCase(1, 30)]
    [TestCase(2, 60)]
    [TestCase(3, 120)]
    [TestCase(0, 30)]
    public void The_wait_doubles_with_each_attempt(int attempt, int seconds) =>
        RetrySchedule.Delay(attempt, Base, null, jitterSample: 0.5).ShouldBe(TimeSpan.FromSeconds(seconds));

    [TestCase(0.0, 24)]
    [TestCase(0.999999, 36)]
    public void Jitter_spreads_the_wait_by_a_fifth_either_way(double sample, int seconds) =>
        RetrySchedule.Delay(1, Base, null, sample).TotalSeconds.ShouldBe(seconds, tolerance: 0.001);

    [Test]
    public void Never_sooner_than_the_platforms_retry_after() =>
        RetrySchedule.Delay(1, Base, TimeSpan.FromMinutes(15), 0.5).ShouldBe(TimeSpan.FromMinutes(15));

    [Test]
    public void A_retry_after_shorter_than_the_backoff_does_not_shorten_it() =>
        RetrySchedule.Delay(2, Base, TimeSpan.FromSeconds(5), 0.5).ShouldBe(TimeSpan.FromSeconds(60));

    [Test]
    public void Random_jitter_stays_within_its_bounds()
    {
        for (var i = 0; i < 200; i++)
        {
            RetrySchedule.Delay(3, Base, null).ShouldBeInRange(TimeSpan.FromSeconds(96), TimeSpan.FromSeconds(144));
        }
    }

    [Test]
    public void The_policy_waits_by_the_schedule_from_its_base_delay() =>
        new RetryPolicy(3, TimeSpan.FromSeconds(10), TimeSpan.Zero).DelayAfter(2, TimeSpan.FromMinutes(1)).ShouldBe(TimeSpan.FromMinutes(1));
}
