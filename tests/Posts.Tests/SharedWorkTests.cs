using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>Several hosts on one database share due work and never duplicate it; work that fell due while none ran is handled at start-up.</summary>
public sealed class SharedWorkTests
{
    [Test]
    public async Task Two_hosts_racing_on_the_same_due_posts_publish_each_exactly_once()
    {
        await using var x = await FakePlatform.StartAsync();
        var ids = 0;
        x.On("POST", "/2/tweets", _ => FakeResponse.Json($$$"""{"data":{"id":"{{{Interlocked.Increment(ref ids)}}}","text":"ok"}}""", 201));
        // Small batches so the two dispatchers interleave their claims.
        var small = new Dictionary<string, string?> { ["Publishing:ClaimBatchSize"] = "3", ["Publishing:MaxConcurrency"] = "4" };
        await using var first = new PostsApp(x, small);
        var owner = await first.RegisterAsync();
        var account = await first.ConnectXAsync(owner, x);
        await using var second = new PostsApp(x, new Dictionary<string, string?>(SameDatabase(first)).Concat(small).ToDictionary());
        using var secondClient = second.CreateClient(owner.AccessToken);

        var later = DateTimeOffset.UtcNow.AddHours(1);
        var posts = new List<Guid>();
        for (var i = 0; i < 40; i++)
        {
            var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, $"Race #{i}"));
            (await secondClient.PostAsJsonAsync($"/api/v1/posts/{post.Id()}/schedule", new { scheduledAt = later.ToString("O") }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            posts.Add(post.Id());
        }
        // All fall due at the same instant; the update's notification wakes both dispatchers at once.
        await using (var connection = first.Database.OpenSuperuser())
        await using (var due = new Npgsql.NpgsqlCommand("UPDATE posts.publish_queue SET due_at = now()", connection))
        {
            (await due.ExecuteNonQueryAsync()).ShouldBe(40);
        }
        foreach (var post in posts)
        {
            await PostApi.WaitForAsync(owner.Client, post, "Published");
        }

        var texts = x.To("POST", "/2/tweets").Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).ToList();
        texts.Count.ShouldBe(40);
        texts.Distinct().Count().ShouldBe(40);
    }

    [Test]
    public async Task Work_that_fell_due_while_no_host_ran_is_published_within_the_window_and_flagged_as_missed_beyond_it()
    {
        await using var x = await FakePlatform.StartAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"1","text":"ok"}}""", 201));
        await using var down = new PostsApp(x, new Dictionary<string, string?> { ["Publishing:DispatcherEnabled"] = "false" });
        var owner = await down.RegisterAsync();
        var account = await down.ConnectXAsync(owner, x);
        var now = DateTimeOffset.UtcNow;
        var stale = await ScheduleAsync(owner, account, "Long overdue", now.AddSeconds(1));
        var recent = await ScheduleAsync(owner, account, "Just overdue", now.AddSeconds(6));
        await Task.Delay(now.AddSeconds(7) - DateTimeOffset.UtcNow);

        await using var up = new PostsApp(x, new Dictionary<string, string?>(SameDatabase(down)) { ["Publishing:MissedWindow"] = "00:00:04" });
        using var client = up.CreateClient(owner.AccessToken);

        var missed = await PostApi.WaitForAsync(client, stale, "Failed", "Published");
        var published = await PostApi.WaitForAsync(client, recent, "Published", "Failed");
        missed.GetProperty("status").GetString().ShouldBe("Failed");
        missed.Target().GetProperty("errorKind").GetString().ShouldBe("Missed");
        published.GetProperty("status").GetString().ShouldBe("Published");
        x.To("POST", "/2/tweets").Count.ShouldBe(1);
    }

    private static async Task<Guid> ScheduleAsync(TestAccount owner, Guid account, string text, DateTimeOffset at)
    {
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, text));
        (await owner.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id()}/schedule", new { scheduledAt = at.ToString("O") }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        return post.Id();
    }

    private static Dictionary<string, string?> SameDatabase(PlatformApp app) => new()
    {
        ["ConnectionStrings:Platform"] = app.Database.AppConnectionString,
        ["ConnectionStrings:Owner"] = app.Database.OwnerConnectionString,
        ["Redis:InstanceName"] = app.Database.Name + ":",
    };
}
