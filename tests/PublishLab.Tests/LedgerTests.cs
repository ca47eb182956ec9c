using Shouldly;

namespace Platform.PublishLab.Tests;

/// <summary>The lab's verdict on a recorded run: what counts as a duplicate, a loss, or merely unconfirmed.</summary>
public sealed class LedgerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static ReceivedPost Sent(string text, string id) => new("91", text, id, At);

    private static TargetOutcome Target(string text, string status, string? id = null, bool queued = false, string? kind = null) =>
        new(Guid.NewGuid(), text, status, kind, id, queued, 1, At, At, status == "published" ? At : null);

    [Test]
    public void A_text_received_twice_is_one_duplicate_even_when_the_target_looks_fine()
    {
        var report = Ledger.Check([Sent("a", "1"), Sent("a", "2"), Sent("b", "3")], [Target("a", "published", "2"), Target("b", "published", "3")]);

        report.Duplicates.ShouldHaveSingleItem().ShouldBe(new Duplicate("a", 2));
        report.ExtraSends.ShouldBe(1);
        report.Losses.ShouldBeEmpty();
        report.Published.ShouldBe(2);
    }

    [Test]
    public void Targets_still_in_flight_or_queued_for_a_retry_are_losses()
    {
        var report = Ledger.Check([Sent("b", "3")], [Target("a", "publishing"), Target("b", "unconfirmed", queued: true)]);

        report.Losses.Count.ShouldBe(2);
        report.Losses.ShouldAllBe(l => l.Reason.StartsWith("never settled"));
        report.Unconfirmed.ShouldBe(0);
    }

    [Test]
    public void A_failure_is_a_loss_unless_the_platform_refused_that_text()
    {
        var targets = new[] { Target("missed", "failed", kind: "missed"), Target("refused", "failed", kind: "ContentRejected") };

        var report = Ledger.Check([Sent("refused", "7")], targets, new HashSet<string> { "refused" });

        report.Losses.ShouldHaveSingleItem().Text.ShouldBe("missed");
    }

    [Test]
    public void Published_under_an_id_the_platform_never_issued_for_its_text_is_a_loss()
    {
        var report = Ledger.Check([Sent("a", "1"), Sent("b", "2")], [Target("a", "published", "2"), Target("c", "published", "9")]);

        report.Losses.Select(l => l.Text).ShouldBe(["a", "c"], ignoreOrder: true);
    }

    [Test]
    public void Settled_unconfirmed_targets_are_counted_with_whether_the_platform_has_them()
    {
        var report = Ledger.Check([Sent("a", "1")], [Target("a", "unconfirmed"), Target("b", "unconfirmed")]);

        report.Losses.ShouldBeEmpty();
        report.Unconfirmed.ShouldBe(2);
        report.UnconfirmedButSent.ShouldBe(1);
    }
}
