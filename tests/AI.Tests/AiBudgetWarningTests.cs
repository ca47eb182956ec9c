using Platform.AI.Generation;
using Shouldly;

namespace Platform.AI.Tests;

public sealed class AiBudgetWarningTests
{
    [TestCase(10, 7.9, 8.0, true)]
    [TestCase(10, 7.0, 9.5, true)]
    [TestCase(10, 8.0, 9.0, false)]
    [TestCase(10, 5.0, 7.99, false)]
    [TestCase(0, 0, 0, false)]
    public void Only_the_change_that_crosses_80_percent_warns(decimal limit, decimal before, decimal after, bool warns) =>
        AiBudgetWarning.Crossed(limit, before, after).ShouldBe(warns);

    [Test]
    public void A_month_has_one_warning_per_tenant()
    {
        var tenant = Guid.NewGuid();
        var early = AiBudgetWarning.For(tenant, new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), 10, 8);
        var late = AiBudgetWarning.For(tenant, new DateTimeOffset(2026, 12, 28, 23, 0, 0, TimeSpan.Zero), 10, 9);
        var next = AiBudgetWarning.For(tenant, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 10, 8);

        late.EventId.ShouldBe(early.EventId);
        early.Month.ShouldBe("2026-12");
        next.EventId.ShouldNotBe(early.EventId);
        AiBudgetWarning.For(Guid.NewGuid(), early.OccurredAt, 10, 8).EventId.ShouldNotBe(early.EventId);
    }
}
