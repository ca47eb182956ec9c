using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Posts.Publishing;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>An attempt starts only under a live claim of its own worker; otherwise it leaves the target alone.</summary>
public sealed class ClaimTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:DispatcherEnabled"] = "false" };

    [Test]
    public async Task A_worker_whose_claim_ran_out_does_not_start_an_attempt_and_one_whose_claim_holds_does()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"31","text":"ok"}}""", 201));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Late worker"));
        await PostApi.ScheduleAsync(owner.Client, post.Id(), DateTimeOffset.UtcNow.AddHours(1));
        var target = post.Target().Id();
        var publisher = app.Services.GetRequiredService<TargetPublisher>();
        var claim = new ClaimedTarget(target, owner.TenantId, DateTimeOffset.UtcNow, TimeSpan.Zero);

        await LeaseAsync(target, "late-worker", "now() - interval '1 second'");
        await publisher.PublishAsync([claim], "late-worker", released: null, CancellationToken.None);
        x.To("POST", "/2/tweets").ShouldBeEmpty();
        (await PostApi.GetAsync(owner.Client, post.Id())).Target().GetProperty("attemptCount").GetInt32().ShouldBe(0);

        await LeaseAsync(target, "other-worker", "now() + interval '1 minute'");
        await publisher.PublishAsync([claim], "late-worker", released: null, CancellationToken.None);
        x.To("POST", "/2/tweets").ShouldBeEmpty();

        await LeaseAsync(target, "late-worker", "now() + interval '1 minute'");
        await publisher.PublishAsync([claim], "late-worker", released: null, CancellationToken.None);
        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        (await PostApi.GetAsync(owner.Client, post.Id())).GetProperty("status").GetString().ShouldBe("Published");
    }

    [Test]
    public async Task Scheduling_again_cannot_take_a_target_from_the_worker_holding_it()
    {
        var (owner, account) = await OwnerWithXAsync();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Held"));
        await PostApi.ScheduleAsync(owner.Client, post.Id(), DateTimeOffset.UtcNow.AddHours(1));
        await LeaseAsync(post.Target().Id(), "busy-worker", "now() + interval '1 minute'");

        var again = await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await using var connection = app.Database.OpenSuperuser();
        await using var owner2 = new NpgsqlCommand("SELECT lease_owner FROM posts.publish_queue WHERE target_id = $1", connection);
        owner2.Parameters.Add(new NpgsqlParameter { Value = post.Target().Id() });
        (await owner2.ExecuteScalarAsync()).ShouldBe("busy-worker");
    }

    private async Task LeaseAsync(Guid targetId, string worker, string until)
    {
        await using var connection = app.Database.OpenSuperuser();
        await using var command = new NpgsqlCommand(
            $"UPDATE posts.publish_queue SET due_at = now(), lease_owner = $2, lease_until = {until} WHERE target_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = targetId });
        command.Parameters.Add(new NpgsqlParameter { Value = worker });
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
