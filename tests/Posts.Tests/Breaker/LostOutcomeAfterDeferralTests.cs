using Microsoft.Extensions.DependencyInjection;
using Platform.Posts.Publishing;
using Shouldly;

namespace Platform.Posts.Tests.Breaker;

/// <summary>
/// A pause or a cap can put off the lookup of a lost outcome for long; the lookup still reaches back to the attempt
/// that lost it, so the post found there is not sent a second time.
/// </summary>
public sealed class LostOutcomeAfterDeferralTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:DispatcherEnabled"] = "false" };

    [Test]
    public async Task A_post_whose_answer_was_lost_an_hour_ago_is_found_on_the_platform_not_sent_again()
    {
        var (owner, account) = await OwnerWithXAsync();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Sent before the pause"));
        await PostApi.ScheduleAsync(owner.Client, post.Id(), DateTimeOffset.UtcNow.AddHours(1));
        var target = post.Target().Id();
        // An hour ago attempt 1 timed out; since then the target waited for its account's pause.
        await SuperuserScalarAsync(
            "UPDATE posts.post_targets SET status = 'unconfirmed', retry_count = 1, next_attempt_at = now(), error_kind = 'AccountPaused' WHERE id = $1", target);
        await SuperuserScalarAsync("""
            INSERT INTO posts.target_attempts (id, tenant_id, target_id, attempt, started_at, finished_at, outcome, error_kind, error, worker)
            VALUES (gen_random_uuid(), $2, $1, 1, now() - interval '1 hour', now() - interval '1 hour', 'unconfirmed', 'Unknown', 'timeout', 'old-worker')
            """, target, owner.TenantId);
        await SuperuserScalarAsync(
            "UPDATE posts.publish_queue SET due_at = now(), lease_owner = 'worker', lease_until = now() + interval '1 minute' WHERE target_id = $1", target);
        x.On("GET", $"/2/users/{PostsApp.XUserId}/tweets", FakeResponse.Json($$$"""
            {"data":[{"id":"4711","text":"Sent before the pause","created_at":"{{{DateTimeOffset.UtcNow.AddMinutes(-59):yyyy-MM-ddTHH:mm:ss.fffZ}}}"}],"meta":{"result_count":1}}
            """));
        x.AcceptTweets();

        await app.Services.GetRequiredService<TargetPublisher>()
            .PublishAsync([new ClaimedTarget(target, owner.TenantId, DateTimeOffset.UtcNow, TimeSpan.Zero)], "worker", released: null, CancellationToken.None);

        var published = await PostApi.GetAsync(owner.Client, post.Id());
        published.Target().GetProperty("status").GetString().ShouldBe("Published");
        published.Target().GetProperty("platformPostId").GetString().ShouldBe("4711");
        x.To("POST", "/2/tweets").ShouldBeEmpty();
    }
}
