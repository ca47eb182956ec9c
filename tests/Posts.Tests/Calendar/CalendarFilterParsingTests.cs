using Platform.Posts.Contracts;
using Platform.Posts.Features.Calendar;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.Posts.Tests.Calendar;

/// <summary>Reading the calendar's filters, without a database.</summary>
public sealed class CalendarFilterParsingTests
{
    [Test]
    public void Names_are_read_in_any_case_and_absent_values_filter_nothing()
    {
        CalendarFilter.Parse(null, "linkedin", "partiallypublished").ShouldBe(new CalendarFilter(null, SocialPlatform.LinkedIn, PostStatus.PartiallyPublished));
        CalendarFilter.Parse(null, null, null).ShouldBe(new CalendarFilter(null, null, null));
        var account = Guid.NewGuid();
        CalendarFilter.Parse(account.ToString(), null, null).AccountId.ShouldBe(account);
    }

    [Test]
    public void A_malformed_account_id_is_refused() =>
        Should.Throw<ProblemException>(() => CalendarFilter.Parse("not-a-guid", null, null)).Detail.ShouldContain("accountId");

    [TestCase("myspace", null)]
    [TestCase("1", null)]
    [TestCase(null, "Archived")]
    [TestCase(null, "2")]
    [TestCase(null, "-1")]
    public void Unknown_values_are_refused_naming_the_ones_that_exist(string? platform, string? status)
    {
        var refused = Should.Throw<ProblemException>(() => CalendarFilter.Parse(null, platform, status));

        refused.Status.ShouldBe(400);
        refused.Detail.ShouldContain(platform is null ? "Scheduled" : "linkedin");
    }
}
