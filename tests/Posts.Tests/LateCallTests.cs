using System.Net;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// A worker that reaches its platform call late (held up between renewing its claim and sending) must not send: its
/// call could outlast the claim, and a worker taking the target over when the claim runs out would then look for the
/// post before it reached the platform, and send it again.
/// </summary>
public sealed class LateCallTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Publishing:Lease"] = "00:00:03",
        ["Publishing:IdlePoll"] = "00:00:00.100",
    };

    [Test]
    public async Task A_worker_held_up_past_half_its_claim_gives_the_target_back_unsent()
    {
        var (owner, account) = await OwnerWithXAsync();
        // Answered within half a claim, but not before the claim would run out had the call started late.
        x.On("POST", "/2/tweets", new FakeResponse(201, """{"data":{"id":"41","text":"ok"}}""", Delay: TimeSpan.FromSeconds(1)));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Held up"));
        await SuperuserScalarAsync("INSERT INTO posts.account_breakers (tenant_id, social_account_id) VALUES ($1, $2)", owner.TenantId, account);

        // The worker renews its claim, then waits on the account's breaker row, which this transaction holds.
        await using (var blocker = app.Database.OpenSuperuser())
        await using (var hold = await blocker.BeginTransactionAsync())
        {
            await using (var lockRow = new Npgsql.NpgsqlCommand("SELECT 1 FROM posts.account_breakers WHERE social_account_id = $1 FOR UPDATE", blocker, hold))
            {
                lockRow.Parameters.Add(new Npgsql.NpgsqlParameter { Value = account });
                await lockRow.ExecuteScalarAsync();
            }
            (await PostApi.PublishAsync(owner.Client, post.Id())).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            await Eventually.WaitForAsync(() => SuperuserScalarAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%account_breakers%'"), waiting => (long)waiting! > 0);
            await Task.Delay(TimeSpan.FromSeconds(2.2));
            await hold.CommitAsync();
        }

        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed");
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        // The late attempt was given back, so the one that sent is the first, and no worker took the target over.
        published.Target().GetProperty("retryCount").GetInt32().ShouldBe(1);
        (await PostApi.GetAsync(owner.Client, post.Id())).Target().GetProperty("retryCount").GetInt32().ShouldBe(1);
    }
}
