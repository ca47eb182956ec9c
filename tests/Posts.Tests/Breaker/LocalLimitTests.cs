using Shouldly;

namespace Platform.Posts.Tests.Breaker;

/// <summary>
/// Our own limiter (a configured cap of the platform) refuses before sending: the target waits for the limit to free
/// up without using an attempt, and the refusal says nothing about the account's health.
/// </summary>
public sealed class LocalLimitTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Platforms:X:Limits:PublishPerAccount:Limit"] = "1",
        ["Platforms:X:Limits:PublishPerAccount:Window"] = "00:00:04",
        ["Publishing:CircuitBreaker:FailureThreshold"] = "1",
    };

    [Test]
    public async Task A_post_over_the_cap_waits_for_the_window_without_using_an_attempt_nor_pausing_the_account()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.AcceptTweets();
        await PostApi.WaitForAsync(owner.Client, await BreakerProbe.PublishNowAsync(owner.Client, account, "Within the cap"), "Published");

        var post = await BreakerProbe.PublishNowAsync(owner.Client, account, "Over the cap");
        var waiting = await PostApi.WaitUntilAsync(owner.Client, post, p => p.Target().GetProperty("errorKind").GetString() == "RateLimited");

        waiting.Target().GetProperty("status").GetString().ShouldBe("Pending");
        waiting.Target().GetProperty("attemptCount").GetInt32().ShouldBe(0);
        (await app.Database.AttemptsAsync(waiting.Target().Id())).ShouldBe(0);
        waiting.Target().GetProperty("nextAttemptAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        x.Sent("Over the cap").ShouldBe(0);
        (await app.Database.BreakerRowsAsync(account)).ShouldBe(0);

        var published = await PostApi.WaitForAsync(owner.Client, post, "Published", "Failed");
        published.GetProperty("status").GetString().ShouldBe("Published");
        published.Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
        (await app.Database.AttemptsAsync(waiting.Target().Id())).ShouldBe(1);
        x.Sent("Over the cap").ShouldBe(1);
    }
}
