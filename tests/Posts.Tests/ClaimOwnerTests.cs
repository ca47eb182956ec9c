using Microsoft.Extensions.DependencyInjection;
using Platform.Posts.Publishing;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// Each claim has its own owner. A worker whose claim ran out (a starved host, a long lock wait) must neither start an
/// attempt on the claim taken after it, by another host or by its own, nor record its answer over the attempt that took
/// the target over.
/// </summary>
public sealed class ClaimOwnerTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:DispatcherEnabled"] = "false" };

    private XTimeline timeline = null!;

    private TargetPublisher Publisher => app.Services.GetRequiredService<TargetPublisher>();

    [SetUp]
    public void Reset()
    {
        x.Reset();
        timeline = new XTimeline(x, firstId: 7_000);
    }

    [Test]
    public async Task A_claim_that_ran_out_and_was_claimed_again_by_the_same_host_starts_nothing()
    {
        var (owner, account) = await OwnerWithXAsync();
        timeline.AcceptTweets(answerAfter: null);
        var target = await DueTargetAsync(owner, account, "Claimed twice by one host");
        await SuperuserScalarAsync(
            "UPDATE posts.publish_queue SET lease_owner = 'host-1#1', lease_until = now() - interval '1 second' WHERE target_id = $1", target);
        var again = await ClaimAsync(target, "host-1#2");

        // The first claim's task comes back to life after the second claim was taken.
        await Publisher.PublishAsync([again], "host-1#1", released: null, CancellationToken.None);

        x.To("POST", "/2/tweets").ShouldBeEmpty();
        (await SuperuserScalarAsync("SELECT count(*) FROM posts.target_attempts WHERE target_id = $1", target)).ShouldBe(0L);
        (await SuperuserScalarAsync("SELECT lease_owner FROM posts.publish_queue WHERE target_id = $1", target)).ShouldBe("host-1#2");

        await Publisher.PublishAsync([again], "host-1#2", released: null, CancellationToken.None);

        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        (await SuperuserScalarAsync("SELECT string_agg(outcome || '@' || worker, ',') FROM posts.target_attempts WHERE target_id = $1", target))
            .ShouldBe("published@host-1#2");
    }

    [Test]
    public async Task An_answer_that_comes_after_its_claim_was_taken_over_is_not_recorded_over_the_new_owners_attempt()
    {
        var (owner, account) = await OwnerWithXAsync();
        // X takes the tweet at once but answers late, after this worker's claim ran out (a starved host).
        timeline.AcceptTweets(answerAfter: TimeSpan.FromSeconds(3));
        var target = await DueTargetAsync(owner, account, "Answered after the takeover");
        await SuperuserScalarAsync(
            "UPDATE posts.publish_queue SET lease_owner = 'host-a#1', lease_until = now() + interval '1 minute' WHERE target_id = $1", target);
        var stale = Publisher.PublishAsync([new ClaimedTarget(target, owner.TenantId, DateTimeOffset.UtcNow, TimeSpan.Zero)], "host-a#1", released: null, CancellationToken.None);
        await Eventually.WaitForAsync(() => Task.FromResult(timeline.Tweets.Count), count => count == 1);

        await SuperuserScalarAsync("UPDATE posts.publish_queue SET lease_until = now() - interval '1 second' WHERE target_id = $1", target);
        var takeover = await ClaimAsync(target, "host-b#1");
        await Publisher.PublishAsync([takeover], "host-b#1", released: null, CancellationToken.None);
        await stale;

        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        var post = await PostApi.GetAsync(owner.Client, (Guid)(await SuperuserScalarAsync("SELECT post_id FROM posts.post_targets WHERE id = $1", target))!);
        post.Target().GetProperty("status").GetString().ShouldBe("Published");
        post.Target().GetProperty("platformPostId").GetString().ShouldBe(timeline.Tweets.Single().Id);
        // The takeover closed the first attempt as lost and found the post; the late answer changed neither.
        (await SuperuserScalarAsync("SELECT string_agg(outcome || '@' || worker, ',' ORDER BY attempt) FROM posts.target_attempts WHERE target_id = $1", target))
            .ShouldBe("unconfirmed@host-a#1,reconciled@host-b#1");
    }

    /// <summary>A scheduled post's target, due now and unclaimed.</summary>
    private async Task<Guid> DueTargetAsync(TestAccount owner, Guid account, string text)
    {
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, text));
        await PostApi.ScheduleAsync(owner.Client, post.Id(), DateTimeOffset.UtcNow.AddHours(1));
        var target = post.Target().Id();
        await SuperuserScalarAsync("UPDATE posts.publish_queue SET due_at = now() WHERE target_id = $1", target);
        return target;
    }

    /// <summary>Claims the due index as a dispatcher does, under <paramref name="claimOwner"/>; answers this target's claim.</summary>
    private async Task<ClaimedTarget> ClaimAsync(Guid target, string claimOwner)
    {
        var claimed = await app.Services.GetRequiredService<DueQueueReader>().ClaimAsync(100, claimOwner, TimeSpan.FromMinutes(1), CancellationToken.None);
        return claimed.Single(c => c.TargetId == target);
    }
}
