using System.Net;
using System.Net.Http.Json;
using Shouldly;

namespace Platform.Posts.Tests.DeadLetter;

/// <summary>An admin's retry of a target whose answer was lost looks the post up first, as the automatic retries do.</summary>
public sealed class RetryAfterLostAnswerTests : PostsFixture
{
    [SetUp]
    public void Reset() => x.Reset();

    [Test]
    public async Task A_retried_target_whose_post_reached_the_platform_is_found_not_sent_again()
    {
        var (owner, account) = await OwnerWithXAsync();
        // X takes the tweet but the answer is lost, and the timeline cannot be read until the target is dead-lettered.
        var tweets = 0;
        x.On("POST", "/2/tweets", _ =>
        {
            Interlocked.Increment(ref tweets);
            return FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503);
        });
        x.On("GET", $"/2/users/{PostsApp.XUserId}/tweets", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Reached X after all"));
        await PostApi.PublishAsync(owner.Client, post.Id());
        var deadLettered = await PostApi.WaitForAsync(owner.Client, post.Id(), "Failed", "Published");
        deadLettered.Target().GetProperty("status").GetString().ShouldBe("Unconfirmed");

        // The admin's check missed the tweet; X now shows it.
        x.On("GET", $"/2/users/{PostsApp.XUserId}/tweets", FakeResponse.Json($$$"""
            {"data":[{"id":"4242","text":"Reached X after all","created_at":"{{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}}"}],"meta":{"result_count":1}}
            """));
        x.On("POST", "/2/tweets", _ =>
        {
            Interlocked.Increment(ref tweets);
            return FakeResponse.Json("""{"data":{"id":"9999","text":"Reached X after all"}}""", 201);
        });
        var retry = await owner.Client.PostAsJsonAsync(
            $"/api/v1/posts/{post.Id()}/targets/{deadLettered.Target().Id()}/retry", new { confirmedNotPublished = true });
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");

        published.Target().GetProperty("platformPostId").GetString().ShouldBe("4242");
        tweets.ShouldBe(1);
    }

    [Test]
    public async Task A_retried_target_whose_post_never_arrived_is_sent_once_after_the_lookup()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));
        x.On("GET", $"/2/users/{PostsApp.XUserId}/tweets", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Never arrived"));
        await PostApi.PublishAsync(owner.Client, post.Id());
        var deadLettered = await PostApi.WaitForAsync(owner.Client, post.Id(), "Failed", "Published");
        var sentBefore = x.To("POST", "/2/tweets").Count;

        x.On("GET", $"/2/users/{PostsApp.XUserId}/tweets", FakeResponse.Json("""{"meta":{"result_count":0}}"""));
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"5150","text":"Never arrived"}}""", 201));
        var lookupsBefore = x.To("GET", $"/2/users/{PostsApp.XUserId}/tweets").Count;
        var retry = await owner.Client.PostAsJsonAsync(
            $"/api/v1/posts/{post.Id()}/targets/{deadLettered.Target().Id()}/retry", new { confirmedNotPublished = true });
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");

        published.Target().GetProperty("platformPostId").GetString().ShouldBe("5150");
        x.To("POST", "/2/tweets").Count.ShouldBe(sentBefore + 1);
        x.To("GET", $"/2/users/{PostsApp.XUserId}/tweets").Count.ShouldBeGreaterThan(lookupsBefore);
    }
}
