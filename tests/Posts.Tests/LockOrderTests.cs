using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Posts.Publishing;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// Every unit of work that writes a target and its queue row locks the target row first. A worker starting an attempt
/// that renewed its queue row before locking the target would wait for a unit of work recording an outcome (target row
/// held, queue row wanted) while holding what that one waits for: PostgreSQL breaks the circle with 40P01 (deadlock).
/// </summary>
public sealed class LockOrderTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:DispatcherEnabled"] = "false" };

    [Test]
    public async Task A_worker_starting_an_attempt_and_one_recording_an_outcome_on_the_same_target_never_deadlock()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"51","text":"ok"}}""", 201));
        var publisher = app.Services.GetRequiredService<TargetPublisher>();
        for (var round = 0; round < 3; round++)
        {
            var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, $"Lock order {round}"));
            await PostApi.ScheduleAsync(owner.Client, post.Id(), DateTimeOffset.UtcNow.AddHours(1));
            var target = post.Target().Id();
            await SuperuserScalarAsync(
                "UPDATE posts.publish_queue SET due_at = now(), lease_owner = 'starting-worker', lease_until = now() + interval '1 minute' WHERE target_id = $1", target);

            // The recording side, statement by statement as it runs: the target row first, then its queue row.
            await using var recorder = app.Database.OpenSuperuser();
            await using var recording = await recorder.BeginTransactionAsync();
            await ExecuteAsync(recorder, recording, "SELECT 1 FROM posts.post_targets WHERE id = $1 FOR UPDATE", target);

            var starting = publisher.PublishAsync(
                [new ClaimedTarget(target, owner.TenantId, DateTimeOffset.UtcNow, TimeSpan.Zero)], "starting-worker", released: null, CancellationToken.None);
            await Eventually.WaitForAsync(() => SuperuserScalarAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%posts.post_targets%'"), waiting => (long)waiting! > 0);
            // Past PostgreSQL's deadlock_timeout (1 s), so a circle would be found and broken before this returns.
            await ExecuteAsync(recorder, recording, "UPDATE posts.publish_queue SET due_at = due_at WHERE target_id = $1", target);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await recording.CommitAsync();

            await Should.NotThrowAsync(() => starting);
            (await PostApi.GetAsync(owner.Client, post.Id())).GetProperty("status").GetString().ShouldBe("Published");
        }
        x.To("POST", "/2/tweets").Count.ShouldBe(3);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid target)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = target });
        await command.ExecuteNonQueryAsync();
    }
}
