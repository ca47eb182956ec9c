using System.Net;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// A worker held up between renewing its claim and sending must not send late: its call could outlast the claim, and a
/// worker taking the target over when the claim runs out would then look for the post before it reached the platform,
/// and send it again. Nothing having left, the attempt is given back rather than counted as an unknown outcome.
/// </summary>
public sealed class LateCallTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Publishing:Lease"] = "00:00:06",
        ["Publishing:IdlePoll"] = "00:00:00.100",
    };

    [Test]
    public async Task A_worker_held_up_before_its_call_gives_the_target_back_unsent()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", new FakeResponse(201, """{"data":{"id":"41","text":"ok"}}""", Delay: TimeSpan.FromSeconds(0.5)));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Held up before the call"));
        await SuperuserScalarAsync("INSERT INTO posts.account_breakers (tenant_id, social_account_id) VALUES ($1, $2)", owner.TenantId, account);

        // The worker renews its claim, then waits on the account's breaker row before its attempt starts.
        await HoldRowWhilePublishingAsync(owner, post.Id(), "posts.account_breakers", "social_account_id", account);

        await AssertSentOnceByTheFirstAttemptAsync(owner, post.Id(), "Held up before the call");
    }

    [Test]
    public async Task A_worker_held_up_inside_its_call_before_any_request_left_gives_the_target_back_unsent()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", new FakeResponse(201, """{"data":{"id":"42","text":"ok"}}"""));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Held up in the call"));
        // A token about to expire is refreshed under the account's row lock, inside the call: the worker waits there.
        await SuperuserScalarAsync("UPDATE social_accounts.accounts SET token_expires_at = now() + interval '5 minutes' WHERE id = $1", account);

        await HoldRowWhilePublishingAsync(owner, post.Id(), "social_accounts.accounts", "id", account);

        await AssertSentOnceByTheFirstAttemptAsync(owner, post.Id(), "Held up in the call");
        // Had the cut-off call counted as an unknown outcome, the next attempt would have looked the post up first.
        x.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/tweets", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    /// <summary>Publishes while a row the worker must lock is held 3.5 s: past the send window (2 s) and the call's deadline (3 s).</summary>
    private async Task HoldRowWhilePublishingAsync(TestAccount owner, Guid postId, string table, string column, Guid value)
    {
        await using var blocker = app.Database.OpenSuperuser();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand($"SELECT 1 FROM {table} WHERE {column} = $1 FOR UPDATE", blocker, hold))
        {
            lockRow.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
            await lockRow.ExecuteScalarAsync();
        }
        (await PostApi.PublishAsync(owner.Client, postId)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.WaitForAsync(() => SuperuserScalarAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1", $"%{table}%"), waiting => (long)waiting! > 0);
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        await hold.CommitAsync();
    }

    private async Task AssertSentOnceByTheFirstAttemptAsync(TestAccount owner, Guid postId, string text)
    {
        var published = await PostApi.WaitForAsync(owner.Client, postId, "Published", "Failed");
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        x.To("POST", "/2/tweets").Count(r => r.Body.Contains(text, StringComparison.Ordinal)).ShouldBe(1);
        // The held-up attempt was given back, so the one that sent is the first, and no worker took the target over.
        published.Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
        (await PostApi.GetAsync(owner.Client, postId)).Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
    }
}
