using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.PlatformServers.Reddit;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests.TargetChecks;

/// <summary>Scheduling a Reddit post asks Reddit about the subreddit first (see <see cref="RedditServer"/>).</summary>
public sealed class RedditTargetCheckTests : ConformanceFixture<RedditServer>
{
    private protected override SocialPlatform Platform => SocialPlatform.Reddit;

    [SetUp]
    public void Communities()
    {
        Server.Subreddits.Add("Breadit");
        Server.Settings.Clear();
    }

    [Test]
    public async Task A_subreddit_that_does_not_exist_is_refused_at_schedule_time_and_nothing_changes()
    {
        using var editor = EditorClient();
        var post = await DraftAsync(editor, "NoSuchBakery");

        var answer = await ScheduleAsync(editor, post);

        answer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
        problem.GetProperty("errors").GetProperty("targets[0].subreddit")[0].GetString()!.ShouldContain("does not exist");
        (await StatusOfAsync(editor, post)).ShouldBe("Draft");
    }

    [Test]
    public async Task Publishing_now_to_a_subreddit_that_does_not_exist_is_refused_before_anything_is_sent()
    {
        using var editor = EditorClient();
        var post = await DraftAsync(editor, "NoSuchBakery");

        var answer = await editor.PostAsync($"/api/v1/posts/{post}/publish", null);

        answer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await answer.Content.ReadAsStringAsync());
        (await StatusOfAsync(editor, post)).ShouldBe("Draft");
    }

    [Test]
    public async Task A_bulk_row_whose_subreddit_does_not_exist_is_reported_and_no_row_is_scheduled()
    {
        using var editor = EditorClient();
        var at = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        object Row(string subreddit) => new
        {
            title = "My first loaf", content = "Crumb shots inside", type = "text", scheduledAt = at,
            targets = new[] { new { accountId = AccountId, subreddit } },
        };

        var answer = await editor.PostAsJsonAsync("/api/v1/posts/bulk", new { posts = new[] { Row("Breadit"), Row("NoSuchBakery") } });

        answer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await answer.Content.ReadAsStringAsync());
        var row = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("row").GetInt32().ShouldBe(2);
        row.GetProperty("errors")[0].GetString()!.ShouldStartWith("targets[0].subreddit:");
        (await editor.GetFromJsonAsync<JsonElement>("/api/v1/posts")).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Test]
    public async Task A_restricted_subreddit_the_account_is_not_approved_in_is_refused()
    {
        Server.Settings["Breadit"] = new SubredditSettings(Type: "restricted");
        using var editor = EditorClient();
        var post = await DraftAsync(editor, "Breadit");

        var answer = await ScheduleAsync(editor, post);

        answer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await answer.Content.ReadAsStringAsync());
        (await StatusOfAsync(editor, post)).ShouldBe("Draft");
    }

    [Test]
    public async Task A_subreddit_that_takes_the_accounts_posts_is_scheduled()
    {
        using var editor = EditorClient();
        var post = await DraftAsync(editor, "r/Breadit");

        var answer = await ScheduleAsync(editor, post);

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        (await StatusOfAsync(editor, post)).ShouldBe("Scheduled");
    }

    [Test]
    public async Task When_reddit_cannot_be_asked_nothing_is_scheduled_and_the_answer_says_so()
    {
        Server.Faults.FailWithServerError(RedditServer.Steps.About);
        using var editor = EditorClient();
        var post = await DraftAsync(editor, "Breadit");

        var answer = await ScheduleAsync(editor, post);

        answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await answer.Content.ReadAsStringAsync());
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("targets").EnumerateObject().Single().Value.GetProperty("reason").GetString()!.ShouldContain("could not be asked");
        (await StatusOfAsync(editor, post)).ShouldBe("Draft");
    }

    private async Task<Guid> DraftAsync(HttpClient editor, string subreddit)
    {
        var created = await editor.PostAsJsonAsync("/api/v1/posts", new
        {
            title = "My first loaf",
            content = "Crumb shots inside",
            type = "text",
            targets = new[] { new { accountId = AccountId, subreddit } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> ScheduleAsync(HttpClient editor, Guid post) =>
        editor.PostAsJsonAsync($"/api/v1/posts/{post}/schedule", new { scheduledAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O") });

    private static async Task<string?> StatusOfAsync(HttpClient editor, Guid post) =>
        (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{post}")).GetProperty("status").GetString();
}
