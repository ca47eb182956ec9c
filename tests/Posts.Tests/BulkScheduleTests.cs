using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Shouldly;

namespace Platform.Posts.Tests;

public sealed class BulkScheduleTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:DispatcherEnabled"] = "false" };

    [Test]
    public async Task A_json_batch_creates_and_schedules_every_post()
    {
        var (owner, account) = await OwnerWithXAsync();
        var at = DateTimeOffset.UtcNow.AddDays(1);
        var rows = Enumerable.Range(1, 25).Select(i => Row(account, $"Bulk #{i}", at.AddMinutes(i))).ToArray();

        var response = await owner.Client.PostAsJsonAsync("/api/v1/posts/bulk", new { posts = rows });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("postIds").GetArrayLength().ShouldBe(25);
        var scheduled = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts?status=Scheduled&pageSize=100");
        scheduled.GetProperty("totalCount").GetInt64().ShouldBe(25);
        (await QueuedAsync("tenant_id", owner.TenantId)).ShouldBe(25);
    }

    [Test]
    public async Task A_batch_with_bad_rows_reports_each_and_schedules_nothing()
    {
        var (owner, account) = await OwnerWithXAsync();
        var at = DateTimeOffset.UtcNow.AddDays(1);
        object[] rows =
        [
            Row(account, "Fine", at),
            Row(Guid.NewGuid(), "Unknown account", at),
            Row(account, "In the past", DateTimeOffset.UtcNow.AddDays(-1)),
            Row(account, new string('x', 300), at),
        ];

        var response = await owner.Client.PostAsJsonAsync("/api/v1/posts/bulk", new { posts = rows });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).ShouldBe([2, 3, 4]);
        (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        (await QueuedAsync("tenant_id", owner.TenantId)).ShouldBe(0);
    }

    [Test]
    public async Task A_csv_upload_schedules_its_rows_in_their_time_zones()
    {
        var (owner, account) = await OwnerWithXAsync();
        var day = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        var csv = $""""
            scheduled_at,time_zone,accounts,content,title
            {day}T09:00:00,Europe/Paris,{account},"Bonjour, Paris",Morning
            {day}T09:00:00,America/Chicago,{account},"Howdy, ""Chicago""",Morning
            """";

        var response = await owner.Client.PostAsync("/api/v1/posts/bulk/csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var posts = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts?status=Scheduled");
        var byContent = posts.GetProperty("items").EnumerateArray().ToDictionary(p => p.GetProperty("content").GetString()!, p => p.GetProperty("scheduledAt").GetDateTimeOffset());
        byContent["Bonjour, Paris"].ShouldBe(Local(day, "Europe/Paris"));
        byContent["Howdy, \"Chicago\""].ShouldBe(Local(day, "America/Chicago"));
    }

    [Test]
    public async Task A_csv_with_broken_rows_reports_them_by_number_and_schedules_nothing()
    {
        var (owner, account) = await OwnerWithXAsync();
        var day = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        var csv = $"""
            scheduled_at,accounts,content
            {day}T09:00:00Z,{account},Good row
            {day}T09:00:00Z,not-a-guid,Bad account
            yesterday,{account},Bad time
            {day}T10:00:00Z,{account},
            """;

        var response = await owner.Client.PostAsync("/api/v1/posts/bulk/csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var rows = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()).ToList();
        rows.ShouldBe([2, 3, 4]);
        (await QueuedAsync("tenant_id", owner.TenantId)).ShouldBe(0);
    }

    [Test]
    public async Task A_csv_without_its_required_columns_or_of_the_wrong_type_is_refused()
    {
        var (owner, _) = await OwnerWithXAsync();

        var noHeader = await owner.Client.PostAsync("/api/v1/posts/bulk/csv", new StringContent("content\nhello", Encoding.UTF8, "text/csv"));
        var notCsv = await owner.Client.PostAsync("/api/v1/posts/bulk/csv", new StringContent("{}", Encoding.UTF8, "application/json"));

        noHeader.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notCsv.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    private static object Row(Guid account, string content, DateTimeOffset at) => new
    {
        content,
        type = "text",
        targets = new[] { new { accountId = account } },
        scheduledAt = at.ToString("O"),
    };

    private static DateTimeOffset Local(string day, string zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.Parse($"{day}T09:00:00", System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone)), TimeSpan.Zero);


}
