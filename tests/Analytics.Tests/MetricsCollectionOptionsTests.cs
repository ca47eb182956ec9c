using Platform.Analytics.Collection;
using Shouldly;

namespace Platform.Analytics.Tests;

public sealed class MetricsCollectionOptionsTests
{
    [TestCase("00:30:00", false)]
    [TestCase("366.00:00:00", false)]
    [TestCase("01:00:00", true)]
    [TestCase("28.00:00:00", true)]
    public void Tracking_age_must_be_between_an_hour_and_a_year(string trackFor, bool valid)
    {
        var result = new MetricsCollectionOptions.Validation().Validate(null, new MetricsCollectionOptions { TrackFor = TimeSpan.Parse(trackFor, System.Globalization.CultureInfo.InvariantCulture) });

        result.Succeeded.ShouldBe(valid);
    }

    [TestCase("00:00:00", false)]
    [TestCase("1.00:00:01", false)]
    [TestCase("00:15:00", true)]
    public void Refresh_cooldown_must_be_between_a_second_and_a_day(string cooldown, bool valid)
    {
        var result = new MetricsCollectionOptions.Validation().Validate(null, new MetricsCollectionOptions { RefreshCooldown = TimeSpan.Parse(cooldown, System.Globalization.CultureInfo.InvariantCulture) });

        result.Succeeded.ShouldBe(valid);
    }

    [TestCase(0, false)]
    [TestCase(731, true)]
    public void A_report_may_span_at_least_a_day(int days, bool valid)
    {
        new MetricsCollectionOptions.Validation().Validate(null, new MetricsCollectionOptions { MaxReportDays = days }).Succeeded.ShouldBe(valid);
    }

    [Test]
    public async Task The_host_refuses_to_start_with_a_tracking_age_out_of_range()
    {
        await using var app = new AnalyticsApp(new Dictionary<string, string?> { ["Analytics:TrackFor"] = "00:10:00" });

        var failure = Should.Throw<Exception>(() => app.Services);

        failure.ToString().ShouldContain("Analytics:TrackFor");
    }
}
