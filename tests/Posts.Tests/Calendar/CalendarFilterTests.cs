using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests.Calendar;

/// <summary>The calendar narrowed to an account, a platform or a status; unknown values are refused, nothing else leaks.</summary>
public sealed class CalendarFilterTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:DispatcherEnabled"] = "false" };

    [Test]
    public async Task The_calendar_shows_only_the_posts_of_the_account_platform_and_status_asked_for()
    {
        var (owner, account) = await OwnerWithXAsync();
        var day = DateTime.UtcNow.Date.AddDays(3);
        var scheduled = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Scheduled one"));
        await PostApi.ScheduleAsync(owner.Client, scheduled.Id(), new DateTimeOffset(day.AddHours(9), TimeSpan.Zero));

        (await PostIdsAsync(owner, day, "")).ShouldBe([scheduled.Id()]);
        (await PostIdsAsync(owner, day, $"&accountId={account}")).ShouldBe([scheduled.Id()]);
        (await PostIdsAsync(owner, day, $"&accountId={Guid.NewGuid()}")).ShouldBeEmpty();
        (await PostIdsAsync(owner, day, "&platform=x")).ShouldBe([scheduled.Id()]);
        (await PostIdsAsync(owner, day, "&platform=LinkedIn")).ShouldBeEmpty();
        (await PostIdsAsync(owner, day, "&status=Scheduled")).ShouldBe([scheduled.Id()]);
        (await PostIdsAsync(owner, day, "&status=published")).ShouldBeEmpty();
        (await PostIdsAsync(owner, day, $"&accountId={account}&platform=x&status=Scheduled")).ShouldBe([scheduled.Id()]);
    }

    [Test]
    public async Task Another_tenants_account_matches_nothing()
    {
        var (owner, account) = await OwnerWithXAsync();
        var (other, otherAccount) = await OwnerWithXAsync();
        var day = DateTime.UtcNow.Date.AddDays(4);
        foreach (var (who, on) in new[] { (owner, account), (other, otherAccount) })
        {
            var post = await PostApi.CreateAsync(who.Client, PostApi.Draft(on));
            await PostApi.ScheduleAsync(who.Client, post.Id(), new DateTimeOffset(day.AddHours(10), TimeSpan.Zero));
        }

        (await PostIdsAsync(owner, day, $"&accountId={otherAccount}")).ShouldBeEmpty();
        (await PostIdsAsync(other, day, $"&accountId={account}")).ShouldBeEmpty();
        (await PostIdsAsync(owner, day, $"&accountId={account}")).Count.ShouldBe(1);
    }

    [TestCase("platform=myspace", "platform")]
    [TestCase("platform=7", "platform")]
    [TestCase("status=Archived", "status")]
    [TestCase("status=3", "status")]
    [TestCase("accountId=not-a-guid", "accountId")]
    public async Task An_unknown_platform_status_or_account_is_a_bad_request(string query, string named)
    {
        var (owner, _) = await OwnerWithXAsync();
        var day = DateTime.UtcNow.Date.AddDays(3);

        var response = await owner.Client.GetAsync($"{Range(day)}&{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(named);
    }

    private static string Range(DateTime day) => $"/api/v1/calendar?from={day:yyyy-MM-dd}T00:00:00Z&to={day.AddDays(1):yyyy-MM-dd}T00:00:00Z&timeZone=UTC";

    private static async Task<List<Guid>> PostIdsAsync(TestAccount owner, DateTime day, string filters)
    {
        var calendar = await owner.Client.GetFromJsonAsync<JsonElement>(Range(day) + filters);
        return [.. calendar.GetProperty("days").EnumerateArray().SelectMany(d => d.GetProperty("posts").EnumerateArray()).Select(p => p.GetProperty("postId").GetGuid())];
    }
}
