using Platform.Analytics.Reports;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.Analytics.Tests;

/// <summary>The report rules without a database: ranges, engagement, CSV fields, best-time suggestions.</summary>
public sealed class ReportRulesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Test]
    public void Without_days_a_report_covers_the_last_30_days_up_to_today()
    {
        var filter = ReportFilter.Parse(null, null, null, null, Berlin, Today, 731);

        filter.From.ShouldBe(new DateOnly(2026, 11, 6));
        filter.To.ShouldBe(Today);
        filter.Days.Count().ShouldBe(30);
    }

    [TestCase("2026-11-05", "2026-11-04")]
    [TestCase("2024-12-03", "2026-12-04")]
    public void A_backwards_or_too_long_range_is_a_400(string from, string to)
    {
        var problem = Should.Throw<ProblemException>(() => ReportFilter.Parse(DateOnly.Parse(from), DateOnly.Parse(to), null, null, Berlin, Today, 731));

        problem.Status.ShouldBe(400);
    }

    [Test]
    public void An_unknown_platform_is_a_400_and_a_known_one_is_read_in_any_case()
    {
        Should.Throw<ProblemException>(() => ReportFilter.Parse(null, null, "myspace", null, Berlin, Today, 731)).Status.ShouldBe(400);
        ReportFilter.Parse(null, null, "LINKEDIN", null, Berlin, Today, 731).Platform.ShouldBe(SocialPlatform.LinkedIn);
    }

    [Test]
    public void A_day_spans_its_local_midnights_so_the_day_the_clocks_go_back_has_25_hours()
    {
        var filter = ReportFilter.Parse(new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), null, null, Berlin, Today, 731);

        filter.Start.ShouldBe(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero));
        (filter.End - filter.Start).ShouldBe(TimeSpan.FromHours(25));
    }

    [Test]
    public void Engagement_rate_is_engagements_over_their_base_and_nothing_without_a_base()
    {
        EngagementRate.Of(15, 300).ShouldBe(0.05);
        EngagementRate.Of(5, 0).ShouldBeNull();
    }

    [TestCase("plain", "plain")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("two\r\nlines", "\"two\r\nlines\"")]
    [TestCase("=1+1", "'=1+1")]
    [TestCase("+1", "'+1")]
    [TestCase("-1", "'-1")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tx", "'\tx")]
    [TestCase("=A1,B1", "\"'=A1,B1\"")]
    public void Csv_text_is_quoted_as_rfc_4180_says_and_never_read_as_a_formula(string value, string written)
    {
        CsvField.Text(value).ShouldBe(written);
    }

    [Test]
    public void A_slot_is_suggested_only_with_enough_posts_and_best_rate_first()
    {
        var filter = ReportFilter.Parse(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8), null, null, TimeZoneInfo.Utc, Today, 731);
        SlotBucket Bucket(int day, int hour, int posts, long engagements) => new(SocialPlatform.X, new DateOnly(2026, 11, day).DayOfWeek, hour,
            MetricSums.Zero with { Targets = posts, RatedTargets = posts, RatedEngagements = engagements, EngagementBase = posts * 100L });
        var buckets = new[]
        {
            Bucket(2, 9, 6, 60),   // Monday 09:00: 10 %
            Bucket(3, 18, 2, 100), // Tuesday 18:00: 50 %, but only two posts
            Bucket(4, 12, 5, 100), // Wednesday 12:00: 20 %
        };

        var times = BestTimes.Of(filter, buckets, minPosts: 5);

        var x = times.Platforms.Single();
        x.Grid.Count.ShouldBe(3);
        x.Suggested.Select(s => (s.Weekday, s.Hour)).ShouldBe([(DayOfWeek.Wednesday, 12), (DayOfWeek.Monday, 9)]);
    }
}
