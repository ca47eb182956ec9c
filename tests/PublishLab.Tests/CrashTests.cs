using Npgsql;
using Shouldly;

namespace Platform.PublishLab.Tests;

/// <summary>
/// A real host process killed with SIGKILL at each moment where a crash could make a target go out twice or never:
/// after claiming it, after recording the attempt's start, after the platform accepted the post but before the answer
/// came back, and with the answer in hand but not yet recorded. After a restart every target is published exactly once.
/// The moments are reached by holding the row the worker must lock next, or the platform's answer, then killing.
/// </summary>
[NonParallelizable]
public sealed class CrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private LabRun run = null!;
    private HostProcess host = null!;
    private LabTenant tenant = null!;

    private Guid Account => tenant.Accounts[0];

    [OneTimeSetUp]
    public async Task Start()
    {
        run = await LabRun.StartAsync("crash", new Dictionary<string, string>
        {
            ["Publishing__Lease"] = "00:00:10",
            ["Publishing__RetryBaseDelay"] = "00:00:00.200",
            ["Publishing__IdlePoll"] = "00:00:00.200",
            ["Logging__LogLevel__Platform.Posts.Publishing"] = "Information",
        });
        host = run.AddHost(LabRun.FreePort());
        await RestartAsync();
        tenant = await LabApi.RegisterWithAccountsAsync(host.Url, 1, "crash");
    }

    [OneTimeTearDown]
    public async Task Stop() => await run.DisposeAsync();

    [SetUp]
    public void AnswerAtOnce() => run.X.AnswerDelay = () => null;

    [Test]
    public async Task Killed_after_claiming_before_the_attempt_started()
    {
        await SuperuserAsync("INSERT INTO posts.account_breakers (tenant_id, social_account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", tenant.TenantId, Account);
        var text = Unique("claimed");

        // Starting the attempt locks the account's breaker row: held, the worker has claimed but recorded nothing.
        await KillWhileHeldAsync("SELECT 1 FROM posts.account_breakers WHERE social_account_id = $1 FOR UPDATE", Account, "account_breakers",
            () => PublishAsync(text));

        var target = await SettledAsync(text);
        AssertPublishedOnce(target, text);
        target.Attempts.ShouldBe(1);
    }

    [Test]
    public async Task Killed_after_the_attempt_started_before_any_request_left()
    {
        // A token about to expire is refreshed under the account's row lock, after the attempt's start has committed.
        await SuperuserAsync("UPDATE social_accounts.accounts SET token_expires_at = now() + interval '5 minutes' WHERE id = $1", Account);
        var text = Unique("started");

        await KillWhileHeldAsync("SELECT 1 FROM social_accounts.accounts WHERE id = $1 FOR UPDATE", Account, "social_accounts.accounts", async () =>
        {
            await PublishAsync(text);
            await WaitUntilAsync(async () => (await StatusAsync(text)) == "publishing");
        });

        var target = await SettledAsync(text);
        // The takeover could not know whether the post went out: it looked first, found nothing, then sent.
        AssertPublishedOnce(target, text);
        target.Attempts.ShouldBe(2);
    }

    [Test]
    public async Task Killed_after_the_platform_accepted_the_post_before_its_answer_came_back()
    {
        var text = await PublishUntilTheTweetArrivesAsync("accepted", answerAfter: TimeSpan.FromMinutes(1));
        host.Kill();
        run.X.AnswerDelay = () => null;
        await RestartAsync();

        var target = await SettledAsync(text);
        // Found on the platform by the takeover's lookup, never sent again.
        AssertPublishedOnce(target, text);
    }

    [Test]
    public async Task Killed_with_the_answer_in_hand_before_the_outcome_was_recorded()
    {
        // Recording the outcome locks the target row: taken while the platform holds its answer, the worker waits with it.
        var text = await PublishUntilTheTweetArrivesAsync("answered", answerAfter: TimeSpan.FromSeconds(1));
        var targetId = (await run.QueryAsync("SELECT t.id FROM posts.post_targets t WHERE t.custom_content = $1", r => r.GetGuid(0), text)).Single();
        await KillWhileHeldAsync("SELECT 1 FROM posts.post_targets WHERE id = $1 FOR UPDATE", targetId, "post_targets", () => Task.CompletedTask);

        var target = await SettledAsync(text);
        AssertPublishedOnce(target, text);
    }

    /// <summary>Holds a row the worker will lock, does <paramref name="reach"/>, waits until the worker waits for the row, kills the host, then lets go and restarts it.</summary>
    private async Task KillWhileHeldAsync(string lockSql, Guid id, string table, Func<Task> reach)
    {
        await using var connection = run.Database.OpenSuperuser();
        await using (var hold = await connection.BeginTransactionAsync())
        {
            await using (var lockRow = new NpgsqlCommand(lockSql, connection, hold))
            {
                lockRow.Parameters.Add(new NpgsqlParameter { Value = id });
                await lockRow.ExecuteScalarAsync();
            }
            await reach();
            await WaitUntilAsync(async () => (await run.QueryAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1", r => r.GetInt64(0), $"%{table}%"))[0] > 0);
            host.Kill();
            await hold.RollbackAsync();
        }
        await RestartAsync();
    }

    private async Task PublishAsync(string text)
    {
        var post = await LabApi.CreatePostAsync(host.Url, tenant, [(Account, text)]);
        await LabApi.PublishNowAsync(host.Url, tenant, post);
    }

    /// <returns>The post's text, now on the platform, whose answer the platform holds for <paramref name="answerAfter"/>.</returns>
    private async Task<string> PublishUntilTheTweetArrivesAsync(string moment, TimeSpan answerAfter)
    {
        run.X.AnswerDelay = () => answerAfter;
        var text = Unique(moment);
        await PublishAsync(text);
        await WaitUntilAsync(() => Task.FromResult(run.X.Tweets.Any(t => t.Text == text)));
        return text;
    }

    private async Task RestartAsync()
    {
        host.Start();
        (await host.WaitReadyAsync(Patience)).ShouldBeTrue($"the host did not start; see {run.Logs}");
    }

    private async Task<TargetOutcome> SettledAsync(string text)
    {
        TargetOutcome? target = null;
        await WaitUntilAsync(async () =>
        {
            target = (await run.OutcomesAsync()).Single(t => t.Text == text);
            return target.Settled;
        });
        return target!;
    }

    private void AssertPublishedOnce(TargetOutcome target, string text)
    {
        var sent = run.X.Tweets.Where(t => t.Text == text).ToList();
        sent.Count.ShouldBe(1, $"sends of '{text}'; host logs in {run.Logs}");
        target.Status.ShouldBe("published");
        target.PlatformPostId.ShouldBe(sent[0].Id);
    }

    private async Task<string> StatusAsync(string text) =>
        (await run.QueryAsync("SELECT status FROM posts.post_targets WHERE custom_content = $1", r => r.GetString(0), text)).SingleOrDefault() ?? "";

    private async Task SuperuserAsync(string sql, params object[] values) => await run.QueryAsync(sql, _ => 0, values);

    private static string Unique(string moment) => $"crash {moment} {Guid.NewGuid():N}";

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(until, "waited too long");
            await Task.Delay(50);
        }
    }
}
