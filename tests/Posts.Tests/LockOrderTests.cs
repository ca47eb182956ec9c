using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Posts.Publishing;
using Platform.Posts.Publishing.Breaker;
using Platform.SharedKernel.Data;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// Every unit of work locks in one order: target rows, then their accounts' breaker rows, then queue rows, then the post.
/// A worker starting an attempt that renewed its queue row before locking the target would wait for a unit of work
/// recording an outcome (target row held, queue row wanted) while holding what that one waits for: PostgreSQL breaks the
/// circle with 40P01 (deadlock). The same holds for breaker rows, which recording an outcome needs before its queue writes.
/// </summary>
public sealed class LockOrderTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:DispatcherEnabled"] = "false" };

    [SetUp]
    public void Reset() => x.Reset();

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

    [Test]
    public async Task A_worker_starting_an_attempt_takes_the_breaker_row_before_any_queue_row()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"61","text":"ok"}}""", 201));
        var target = await DueTargetAsync(owner, account, "Breaker before queue, starting", "starting-worker");

        await using var holder = app.Database.OpenSuperuser();
        await using var holding = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, holding, "SELECT 1 FROM posts.account_breakers WHERE social_account_id = $1 FOR UPDATE", account);
        var starting = app.Services.GetRequiredService<TargetPublisher>().PublishAsync(
            [new ClaimedTarget(target, owner.TenantId, DateTimeOffset.UtcNow, TimeSpan.Zero)], "starting-worker", released: null, CancellationToken.None);
        await WaitForLockWaitAsync("account_breakers");

        // Waiting for the breaker row, it holds its target row but no queue row yet.
        (await IsLockedAsync("posts.post_targets WHERE id = $1", target)).ShouldBeTrue();
        (await IsLockedAsync("posts.publish_queue WHERE target_id = $1", target)).ShouldBeFalse();
        await holding.CommitAsync();

        await Should.NotThrowAsync(() => starting);
        (await SuperuserScalarAsync("SELECT status FROM posts.post_targets WHERE id = $1", target)).ShouldBe("published");
    }

    [Test]
    public async Task A_worker_recording_an_outcome_takes_the_breaker_row_before_any_queue_row()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"62","text":"ok"}}""", 201) with { Delay = TimeSpan.FromSeconds(2) });
        var target = await DueTargetAsync(owner, account, "Breaker before queue, recording", "recording-worker");
        var publishing = app.Services.GetRequiredService<TargetPublisher>().PublishAsync(
            [new ClaimedTarget(target, owner.TenantId, DateTimeOffset.UtcNow, TimeSpan.Zero)], "recording-worker", released: null, CancellationToken.None);
        await Eventually.WaitForAsync(() => SuperuserScalarAsync("SELECT status FROM posts.post_targets WHERE id = $1", target), status => (string?)status == "publishing");

        // The attempt has started and X is answering: hold the breaker row the outcome will be counted on.
        await using var holder = app.Database.OpenSuperuser();
        await using var holding = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, holding, "SELECT 1 FROM posts.account_breakers WHERE social_account_id = $1 FOR UPDATE", account);
        await WaitForLockWaitAsync("account_breakers");

        (await IsLockedAsync("posts.post_targets WHERE id = $1", target)).ShouldBeTrue();
        (await IsLockedAsync("posts.publish_queue WHERE target_id = $1", target)).ShouldBeFalse();
        await holding.CommitAsync();

        await Should.NotThrowAsync(() => publishing);
        (await SuperuserScalarAsync("SELECT status FROM posts.post_targets WHERE id = $1", target)).ShouldBe("published");
    }

    [Test]
    public async Task Two_batches_creating_breaker_rows_for_the_same_accounts_create_them_in_account_order_and_never_deadlock()
    {
        var owner = await app.RegisterAsync();
        var (first, second) = await InPostgresOrderAsync(Guid.NewGuid(), Guid.NewGuid());
        // Another batch, creating in the one order, has created the first account's row and not committed yet.
        await using var other = app.Database.OpenSuperuser();
        await using var creating = await other.BeginTransactionAsync();
        await ExecuteAsync(other, creating, $"INSERT INTO posts.account_breakers (tenant_id, social_account_id) VALUES ('{owner.TenantId}', $1)", first);

        // This batch's answers came in the other order: the second account's failure first.
        var unknown = new PublishOutcome.Unknown("timeout");
        var locking = app.Services.GetRequiredService<IServiceScopeFactory>().RunAsync(owner.TenantId, services =>
            services.GetRequiredService<AccountBreakerRecorder>().LockAsync(owner.TenantId, [(second, unknown), (first, unknown)], DateTimeOffset.UtcNow, CancellationToken.None),
            CancellationToken.None);
        await WaitForLockWaitAsync("account_breakers");
        // Had this batch created the second account's row first, the other batch would now wait for it in a circle (40P01).
        await ExecuteAsync(other, creating, $"INSERT INTO posts.account_breakers (tenant_id, social_account_id) VALUES ('{owner.TenantId}', $1)", second);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await creating.CommitAsync();

        var locked = await locking;
        locked.Keys.ShouldBe(new[] { first, second }, ignoreOrder: true);
    }

    /// <summary>A scheduled post's target, due now and claimed by <paramref name="worker"/>, with a closed breaker row for its account.</summary>
    private async Task<Guid> DueTargetAsync(TestAccount owner, Guid account, string text, string worker)
    {
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, text));
        await PostApi.ScheduleAsync(owner.Client, post.Id(), DateTimeOffset.UtcNow.AddHours(1));
        var target = post.Target().Id();
        await SuperuserScalarAsync("INSERT INTO posts.account_breakers (tenant_id, social_account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", owner.TenantId, account);
        await SuperuserScalarAsync(
            $"UPDATE posts.publish_queue SET due_at = now(), lease_owner = '{worker}', lease_until = now() + interval '1 minute' WHERE target_id = $1", target);
        return target;
    }

    private Task WaitForLockWaitAsync(string table) => Eventually.WaitForAsync(() => SuperuserScalarAsync(
        $"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%{table}%' AND pid <> pg_backend_pid()"), waiting => (long)waiting! > 0);

    /// <summary>Whether another transaction holds a row lock on the row <paramref name="from"/> selects.</summary>
    private async Task<bool> IsLockedAsync(string from, Guid id)
    {
        await using var probe = app.Database.OpenSuperuser();
        await using var probing = await probe.BeginTransactionAsync();
        try
        {
            await ExecuteAsync(probe, probing, $"SELECT 1 FROM {from} FOR UPDATE NOWAIT", id);
            return false;
        }
        catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return true;
        }
    }

    private async Task<(Guid First, Guid Second)> InPostgresOrderAsync(Guid one, Guid two) =>
        (Guid)(await SuperuserScalarAsync("SELECT least($1::uuid, $2::uuid)", one, two))! == one ? (one, two) : (two, one);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid target)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = target });
        await command.ExecuteNonQueryAsync();
    }
}
