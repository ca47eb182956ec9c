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

    [Test]
    public async Task A_csv_preview_answers_each_row_and_creates_nothing()
    {
        var (owner, account) = await OwnerWithXAsync();
        var day = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");
        var csv = $"""
            scheduled_at,time_zone,accounts,content,title
            {day}T09:00:00,Europe/Paris,{account},Good row,Morning
            {day}T09:00:00Z,,not-a-guid,Bad account,
            yesterday,,{account},Bad time,
            {day}T10:00:00Z,,{account},{new string('x', 300)},Too long for X
            {day}T11:00:00Z,,{Guid.NewGuid()},Unknown account,
            """;

        var response = await owner.Client.PostAsync("/api/v1/posts/bulk/csv/preview", new StringContent(csv, Encoding.UTF8, "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        preview.GetProperty("total").GetInt32().ShouldBe(5);
        preview.GetProperty("ready").GetInt32().ShouldBe(1);
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("row").GetInt32()).ShouldBe([1, 2, 3, 4, 5]);
        rows[0].GetProperty("errors").GetArrayLength().ShouldBe(0);
        rows[0].GetProperty("title").GetString().ShouldBe("Morning");
        rows[0].GetProperty("dueAt").GetDateTimeOffset().ShouldBe(Local(day, "Europe/Paris"));
        rows[0].GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).ShouldBe(["X"]);
        rows[1].GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ShouldContain(e => e!.Contains("not-a-guid"));
        rows[2].GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ShouldContain(e => e!.StartsWith("scheduledAt", StringComparison.OrdinalIgnoreCase));
        rows[2].GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[3].GetProperty("errors").GetArrayLength().ShouldBeGreaterThan(0);
        rows[4].GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ShouldContain(e => e!.Contains("not connected"));
        (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts")).GetProperty("totalCount").GetInt64().ShouldBe(0);
        (await QueuedAsync("tenant_id", owner.TenantId)).ShouldBe(0);
        (await SuperuserScalarAsync("SELECT count(*) FROM posts.posts WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
    }

    [Test]
    public async Task A_csv_preview_of_good_rows_matches_what_the_import_then_schedules()
    {
        var (owner, account) = await OwnerWithXAsync();
        var day = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd");
        var csv = $"""
            scheduled_at,time_zone,accounts,content
            {day}T09:00:00,America/Chicago,{account},First
            {day}T09:00:00,Asia/Tokyo,{account},Second
            """;

        var preview = await (await owner.Client.PostAsync("/api/v1/posts/bulk/csv/preview", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var imported = await owner.Client.PostAsync("/api/v1/posts/bulk/csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        preview.GetProperty("ready").GetInt32().ShouldBe(2);
        imported.StatusCode.ShouldBe(HttpStatusCode.Created);
        var scheduled = (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts?status=Scheduled")).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("content").GetString()!, p => p.GetProperty("scheduledAt").GetDateTimeOffset());
        var due = preview.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("content").GetString()!, r => r.GetProperty("dueAt").GetDateTimeOffset());
        scheduled.ShouldBe(due);
    }

    [Test]
    public async Task A_csv_preview_refuses_what_the_import_refuses_and_viewers_cannot_preview()
    {
        var (owner, _) = await OwnerWithXAsync();

        var noHeader = await owner.Client.PostAsync("/api/v1/posts/bulk/csv/preview", new StringContent("content\nhello", Encoding.UTF8, "text/csv"));
        var notCsv = await owner.Client.PostAsync("/api/v1/posts/bulk/csv/preview", new StringContent("{}", Encoding.UTF8, "application/json"));
        var headerOnly = await owner.Client.PostAsync("/api/v1/posts/bulk/csv/preview", new StringContent("scheduled_at,accounts,content\n", Encoding.UTF8, "text/csv"));
        var viewer = await app.AddUserAsync(owner, "Viewer");
        var byViewer = await viewer.Client.PostAsync("/api/v1/posts/bulk/csv/preview", new StringContent("scheduled_at,accounts,content\n", Encoding.UTF8, "text/csv"));

        noHeader.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notCsv.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        headerOnly.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        byViewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
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
