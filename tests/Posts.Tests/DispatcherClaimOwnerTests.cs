using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// The real dispatcher gives each claim an owner of its own: when one of its tasks is held up past its lease, the claim
/// this host takes next on the same target belongs to a new owner, so the held-up task cannot renew it and attempt the
/// target beside the new one.
/// </summary>
public sealed class DispatcherClaimOwnerTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Publishing:Lease"] = "00:00:03",
        ["Publishing:IdlePoll"] = "00:00:00.200",
    };

    [Test]
    public async Task A_task_held_up_past_its_lease_loses_the_target_to_the_hosts_next_claim_and_the_post_goes_out_once()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"8101","text":"ok"}}""", 201));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Held up past the lease"));
        await PostApi.ScheduleAsync(owner.Client, post.Id(), DateTimeOffset.UtcNow.AddHours(1));
        var target = post.Target().Id();

        // Every task of this host that claims the target waits for its row, until its claim has run out and been taken again.
        await using var holder = app.Database.OpenSuperuser();
        await using var holding = await holder.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand("SELECT 1 FROM posts.post_targets WHERE id = $1 FOR UPDATE", holder, holding))
        {
            lockRow.Parameters.Add(new Npgsql.NpgsqlParameter { Value = target });
            await lockRow.ExecuteNonQueryAsync();
        }
        await SuperuserScalarAsync("UPDATE posts.publish_queue SET due_at = now() WHERE target_id = $1", target);
        var first = (string)(await Eventually.WaitForAsync(() => LeaseOwnerAsync(target), held => held is string))!;
        var next = (string)(await Eventually.WaitForAsync(() => LeaseOwnerAsync(target), held => held is string claim && claim != first))!;
        Host(next).ShouldBe(Host(first), "the same host claimed the target again");
        await holding.CommitAsync();

        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed", "PartiallyPublished");
        published.GetProperty("status").GetString().ShouldBe("Published");
        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        x.To("GET", $"/2/users/{PostsApp.XUserId}/tweets").ShouldBeEmpty("no task took over an attempt another had started");
        published.Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
        var attempts = (string)(await SuperuserScalarAsync("SELECT string_agg(outcome || '@' || worker, ',') FROM posts.target_attempts WHERE target_id = $1", target))!;
        attempts.ShouldStartWith("published@");
        attempts.ShouldNotContain(",");
        attempts.ShouldNotEndWith("@" + first, "the first claim's task came back after its claim was taken, and started nothing");
    }

    private Task<object?> LeaseOwnerAsync(Guid target) => SuperuserScalarAsync("SELECT lease_owner FROM posts.publish_queue WHERE target_id = $1", target);

    /// <summary>The host part of a claim's owner (before the claim's number).</summary>
    private static string Host(string claimOwner) => claimOwner[..claimOwner.LastIndexOf('#')];
}
