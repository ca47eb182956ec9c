using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>Drafts, schedules and their refusals: every bad request answers 4xx and leaves nothing half-scheduled.</summary>
public sealed class PostEditingTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:DispatcherEnabled"] = "false" };

    [Test]
    public async Task A_draft_reports_each_targets_rule_problems_and_cannot_be_scheduled_until_fixed()
    {
        var (owner, account) = await OwnerWithXAsync();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, new string('a', 281)));

        post.GetProperty("status").GetString().ShouldBe("Draft");
        post.Target().GetProperty("problems").GetArrayLength().ShouldBeGreaterThan(0);
        var scheduled = await Schedule(owner, post.Id(), DateTimeOffset.UtcNow.AddHours(1));

        scheduled.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await scheduled.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("targets").GetProperty(post.Target().Id().ToString()).GetProperty("problems").GetArrayLength().ShouldBeGreaterThan(0);
        (await PostApi.GetAsync(owner.Client, post.Id())).GetProperty("status").GetString().ShouldBe("Draft");
        (await QueuedAsync("target_id", post.Target().Id())).ShouldBe(0);
    }

    [Test]
    public async Task Scheduling_stores_utc_from_a_wall_clock_time_and_its_zone_and_queues_every_target()
    {
        var (owner, account) = await OwnerWithXAsync();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account));
        var local = DateTime.SpecifyKind(DateTime.UtcNow.AddDays(2).Date.AddHours(9), DateTimeKind.Unspecified);

        var response = await owner.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id()}/schedule",
            new { scheduledAt = local.ToString("yyyy-MM-ddTHH:mm:ss"), timeZone = "America/New_York" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var scheduled = await response.Content.ReadFromJsonAsync<JsonElement>();
        var expected = TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        scheduled.GetProperty("scheduledAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(expected, TimeSpan.Zero));
        scheduled.GetProperty("status").GetString().ShouldBe("Scheduled");
        (await QueuedAsync("target_id", post.Target().Id())).ShouldBe(1);
    }

    [Test]
    public async Task Scheduling_in_the_past_or_in_an_unknown_zone_is_refused()
    {
        var (owner, account) = await OwnerWithXAsync();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account));

        (await Schedule(owner, post.Id(), DateTimeOffset.UtcNow.AddMinutes(-1))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var badZone = await owner.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id()}/schedule", new { scheduledAt = "2030-01-01T09:00:00", timeZone = "Mars/Olympus" });
        badZone.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var garbage = await owner.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id()}/schedule", new { scheduledAt = "next tuesday" });
        garbage.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await QueuedAsync("target_id", post.Target().Id())).ShouldBe(0);
    }

    [Test]
    public async Task Another_tenants_account_cannot_be_targeted_and_another_tenants_post_is_not_found()
    {
        var (alice, aliceAccount) = await OwnerWithXAsync();
        var bob = await app.RegisterAsync();
        var before = await CountAsync("posts.posts");

        var stolen = await bob.Client.PostAsJsonAsync("/api/v1/posts", PostApi.Draft(aliceAccount));
        var alicesPost = await PostApi.CreateAsync(alice.Client, PostApi.Draft(aliceAccount));
        var peek = await bob.Client.GetAsync($"/api/v1/posts/{alicesPost.Id()}");
        var publish = await bob.Client.PostAsync($"/api/v1/posts/{alicesPost.Id()}/publish", null);

        stolen.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        peek.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        publish.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CountAsync("posts.posts")).ShouldBe(before + 1);
        var bobsList = await bob.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts");
        bobsList.GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Test]
    public async Task Unscheduling_returns_the_post_to_draft_and_withdraws_it_from_the_queue()
    {
        var (owner, account) = await OwnerWithXAsync();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account));
        (await Schedule(owner, post.Id(), DateTimeOffset.UtcNow.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/unschedule", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PostApi.GetAsync(owner.Client, post.Id())).GetProperty("status").GetString().ShouldBe("Draft");
        (await QueuedAsync("target_id", post.Target().Id())).ShouldBe(0);
    }

    [Test]
    public async Task A_post_held_by_a_publisher_cannot_be_edited_unscheduled_or_deleted()
    {
        var (owner, account) = await OwnerWithXAsync();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account));
        (await Schedule(owner, post.Id(), DateTimeOffset.UtcNow.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ClaimAsync(post.Target().Id());

        (await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/unschedule", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await owner.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id()}", PostApi.Draft(account, "changed"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await owner.Client.DeleteAsync($"/api/v1/posts/{post.Id()}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var unchanged = await PostApi.GetAsync(owner.Client, post.Id());
        unchanged.GetProperty("content").GetString().ShouldBe("Hello from the scheduler");
        unchanged.GetProperty("status").GetString().ShouldBe("Scheduled");
        (await QueuedAsync("target_id", post.Target().Id())).ShouldBe(1);
    }

    [Test]
    public async Task Editing_a_scheduled_post_keeps_its_schedule_and_deleting_withdraws_it()
    {
        var (owner, account) = await OwnerWithXAsync();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account));
        (await Schedule(owner, post.Id(), DateTimeOffset.UtcNow.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var edited = await owner.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id()}", PostApi.Draft(account, "Edited text"));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        (await PostApi.GetAsync(owner.Client, post.Id())).GetProperty("status").GetString().ShouldBe("Scheduled");
        (await QueuedAsync("target_id", post.Target().Id())).ShouldBe(1);

        (await owner.Client.DeleteAsync($"/api/v1/posts/{post.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.Client.GetAsync($"/api/v1/posts/{post.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await QueuedAsync("target_id", post.Target().Id())).ShouldBe(0);
    }

    [Test]
    public async Task Duplicating_makes_a_new_draft_and_lists_filter_by_status()
    {
        var (owner, account) = await OwnerWithXAsync();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Original"));
        (await Schedule(owner, post.Id(), DateTimeOffset.UtcNow.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var copy = await (await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/duplicate", null)).Content.ReadFromJsonAsync<JsonElement>();
        var drafts = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts?status=Draft");
        var scheduled = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts?status=Scheduled&platform=x");

        copy.GetProperty("content").GetString().ShouldBe("Original");
        copy.Id().ShouldNotBe(post.Id());
        drafts.GetProperty("items").EnumerateArray().Select(p => p.Id()).ShouldBe([copy.Id()]);
        scheduled.GetProperty("items").EnumerateArray().Select(p => p.Id()).ShouldBe([post.Id()]);
    }

    [Test]
    public async Task The_calendar_groups_scheduled_posts_by_day_in_the_requested_zone()
    {
        var (owner, account) = await OwnerWithXAsync();
        var day = DateTime.UtcNow.Date.AddDays(3);
        // 23:30 UTC is already the next day in Tokyo.
        var late = new DateTimeOffset(day.AddHours(23).AddMinutes(30), TimeSpan.Zero);
        var early = new DateTimeOffset(day.AddHours(1), TimeSpan.Zero);
        foreach (var at in new[] { early, late })
        {
            var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account));
            (await Schedule(owner, post.Id(), at)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var utc = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/calendar?from={day:yyyy-MM-dd}T00:00:00Z&to={day.AddDays(2):yyyy-MM-dd}T00:00:00Z&timeZone=UTC");
        var tokyo = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/calendar?from={day:yyyy-MM-dd}T00:00:00Z&to={day.AddDays(2):yyyy-MM-dd}T00:00:00Z&timeZone=Asia/Tokyo");

        utc.GetProperty("days").GetArrayLength().ShouldBe(1);
        utc.GetProperty("days")[0].GetProperty("posts").GetArrayLength().ShouldBe(2);
        tokyo.GetProperty("days").GetArrayLength().ShouldBe(2);
    }

    private Task<HttpResponseMessage> Schedule(TestAccount owner, Guid postId, DateTimeOffset at) =>
        owner.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/schedule", new { scheduledAt = at.ToString("O") });



    /// <summary>Takes the lease a dispatcher would hold while publishing.</summary>
    private async Task ClaimAsync(Guid targetId)
    {
        await using var connection = app.Database.OpenSuperuser();
        await using var command = new NpgsqlCommand(
            "UPDATE posts.publish_queue SET lease_owner = 'test', lease_until = now() + interval '1 hour' WHERE target_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = targetId });
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = app.Database.OpenSuperuser();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
