using Platform.AI.Providers;
using Shouldly;

namespace Platform.AI.Tests;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [TestCase("2", 2.0)]
    [TestCase("0.5", 0.5)]
    [TestCase("Tue, 24 Nov 2026 08:00:30 GMT", 30.0)]
    [TestCase("Tue, 24 Nov 2026 07:59:00 GMT", 0.0)]
    public void Retry_after_is_read_as_seconds_or_an_http_date(string header, double seconds) =>
        AiProviderException.ParseRetryAfter(header, Now).ShouldBe(TimeSpan.FromSeconds(seconds));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("soon")]
    [TestCase("-3")]
    public void A_missing_or_unreadable_retry_after_is_ignored(string? header) =>
        AiProviderException.ParseRetryAfter(header, Now).ShouldBeNull();
}
