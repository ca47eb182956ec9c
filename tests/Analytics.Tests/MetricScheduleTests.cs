using Platform.Analytics.Collection;
using Shouldly;

namespace Platform.Analytics.Tests;

public sealed class MetricScheduleTests
{
    [Test]
    public void Fetches_often_while_new_then_weekly_until_the_configured_age()
    {
        var schedule = new MetricSchedule(TimeSpan.FromDays(28));

        schedule.Offsets.ShouldBe([
            TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24), TimeSpan.FromDays(3), TimeSpan.FromDays(7),
            TimeSpan.FromDays(14), TimeSpan.FromDays(21), TimeSpan.FromDays(28)]);
    }

    [Test]
    public void A_short_tracking_age_cuts_the_early_fetches_too()
    {
        new MetricSchedule(TimeSpan.FromDays(2)).Offsets.ShouldBe([TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)]);
    }

    [Test]
    public void Weekly_fetches_stop_at_the_last_whole_week_within_the_age()
    {
        new MetricSchedule(TimeSpan.FromDays(20)).Offsets[^1].ShouldBe(TimeSpan.FromDays(14));
    }

    [Test]
    public void A_slot_is_due_its_offset_after_publishing()
    {
        var published = new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero);
        var schedule = new MetricSchedule(TimeSpan.FromDays(28));

        schedule.DueAt(published, 0).ShouldBe(published.AddHours(1));
        schedule.DueAt(published, 3).ShouldBe(published.AddDays(3));
        schedule.DueAt(published, 7).ShouldBe(published.AddDays(28));
    }

    [TestCase(-1)]
    [TestCase(8)]
    public void A_slot_outside_the_schedule_is_refused(int slot)
    {
        var schedule = new MetricSchedule(TimeSpan.FromDays(28));

        schedule.IsSlot(slot).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => schedule.DueAt(DateTimeOffset.UnixEpoch, slot));
    }
}
