using System.Net;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// A target waiting on its platform holds no database transaction (nor, with it, a pooled connection): in-flight
/// publishing must not be bounded by the pool, and an idle transaction must not sit on PostgreSQL for seconds.
/// </summary>
public sealed class HeldConnectionTests : PostsFixture
{
    [Test]
    public async Task No_transaction_stays_open_while_the_platform_holds_its_answer()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", new FakeResponse(201, """{"data":{"id":"51","text":"ok"}}""", Delay: TimeSpan.FromSeconds(2)));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Hold the line"));

        (await PostApi.PublishAsync(owner.Client, post.Id())).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.WaitForAsync(() => Task.FromResult(x.To("POST", "/2/tweets").Count), sent => sent > 0);
        var platformHolds = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        // Idle in a transaction since before the platform got the request, and still: held across the call. A unit of
        // work of other work that happens to sit between two statements right now is not.
        var heldAcrossTheCall = await SuperuserScalarAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = 'platform_app' AND state LIKE 'idle in transaction%' " +
            "AND datname = current_database() AND state_change < $1", platformHolds);

        ((long)heldAcrossTheCall!).ShouldBe(0);
        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed");
        published.GetProperty("status").GetString().ShouldBe("Published");
        x.To("POST", "/2/tweets").Count.ShouldBe(1);
    }
}
