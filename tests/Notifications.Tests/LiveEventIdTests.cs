using Platform.Notifications.Live;
using Shouldly;

namespace Platform.Notifications.Tests;

public sealed class LiveEventIdTests
{
    [TestCase("1733580000000-0")]
    [TestCase("0-0")]
    [TestCase("1733580000000-18446744073709551615")]
    public void A_Redis_stream_id_reads_back_as_written(string text) => LiveEventId.Parse(text).ToString().ShouldBe(text);

    [TestCase("")]
    [TestCase("-1")]
    [TestCase("12-")]
    [TestCase("12")]
    [TestCase("12-3-4")]
    [TestCase("+12-3")]
    [TestCase(" 12-3")]
    [TestCase("yesterday")]
    public void Anything_else_is_not_an_id(string text) => LiveEventId.TryParse(text, out _).ShouldBeFalse();

    [Test]
    public void Ids_order_by_time_then_by_sequence_not_as_text()
    {
        LiveEventId.Parse("9-5").ShouldBeLessThan(LiveEventId.Parse("10-0"));
        LiveEventId.Parse("10-2").ShouldBeLessThan(LiveEventId.Parse("10-10"));
        (LiveEventId.Parse("10-10") > LiveEventId.Parse("10-2")).ShouldBeTrue();
        (LiveEventId.Parse("10-2") <= LiveEventId.Parse("10-2")).ShouldBeTrue();
    }
}
