using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>From draft to published through the real dispatcher, against a local fake of X's API.</summary>
public sealed class PublishingTests : PostsFixture
{
    private int tweetIds = 1_000;

    [SetUp]
    public void Reset() => x.Reset();

    [Test]
    public async Task Publishing_now_sends_exactly_one_tweet_and_records_its_id()
    {
        var (owner, account) = await OwnerWithXAsync();
        AcceptTweets();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Launch day!"));

        (await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed", "PartiallyPublished");

        published.GetProperty("status").GetString().ShouldBe("Published");
        var sent = x.Single("POST", "/2/tweets");
        sent.Header("authorization").ShouldBe("Bearer x-access-token");
        JsonDocument.Parse(sent.Body).RootElement.GetProperty("text").GetString().ShouldBe("Launch day!");
        published.Target().GetProperty("platformPostId").GetString().ShouldNotBeNullOrEmpty();
        published.Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
        published.GetProperty("publishedAt").ValueKind.ShouldBe(JsonValueKind.String);
        // Every enum is answered by its member name, as the host's JSON options write the statuses.
        published.GetProperty("type").GetString().ShouldBe("Text");
        published.Target().GetProperty("platform").GetString().ShouldBe("X");
    }

    [Test]
    public async Task A_scheduled_post_goes_out_at_its_time_not_before()
    {
        var (owner, account) = await OwnerWithXAsync();
        AcceptTweets();
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "On time"));
        var due = DateTimeOffset.UtcNow.AddSeconds(2);

        var scheduled = await owner.Client.PostAsJsonAsync($"/api/v1/posts/{post.Id()}/schedule", new { scheduledAt = due.ToString("O") });
        scheduled.StatusCode.ShouldBe(HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        await Task.Delay(500);
        x.To("POST", "/2/tweets").ShouldBeEmpty();

        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");
        var sentAt = published.Target().GetProperty("publishedAt").GetDateTimeOffset();
        (sentAt - due).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(-50));
        (sentAt - due).ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Test]
    public async Task A_rate_limited_attempt_is_retried_after_the_platforms_reset_and_published_once()
    {
        var (owner, account) = await OwnerWithXAsync();
        var calls = 0;
        x.On("POST", "/2/tweets", _ => Interlocked.Increment(ref calls) == 1
            ? XResponses.TooManyRequests(TimeSpan.FromSeconds(1))
            : Tweet());
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Retry me"));

        await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);
        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed");

        published.GetProperty("status").GetString().ShouldBe("Published");
        x.To("POST", "/2/tweets").Count.ShouldBe(2);
        published.Target().GetProperty("attemptCount").GetInt32().ShouldBe(2);
    }

    [Test]
    public async Task A_content_rejection_is_not_retried_and_lands_in_the_dead_letter_view_until_an_admin_retries()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json(
            """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""", 403));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Duplicate"));

        await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);
        var failed = await PostApi.WaitForAsync(owner.Client, post.Id(), "Failed", "Published");

        failed.GetProperty("status").GetString().ShouldBe("Failed");
        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        failed.Target().GetProperty("errorKind").GetString().ShouldBe("ContentRejected");
        var deadLetters = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts/dead-letter");
        var deadLetter = deadLetters.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("postId").GetGuid() == post.Id());
        deadLetter.GetProperty("errorKind").GetString().ShouldBe("ContentRejected");
        deadLetter.GetProperty("platform").GetString().ShouldBe("X");
        deadLetter.GetProperty("attemptCount").GetInt32().ShouldBe(1);

        AcceptTweets();
        var retry = await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/targets/{failed.Target().Id()}/retry", null);
        retry.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await PostApi.WaitForAsync(owner.Client, post.Id(), "Published")).Target().GetProperty("platformPostId").GetString().ShouldNotBeNull();
    }

    [Test]
    public async Task After_an_unknown_outcome_the_post_is_looked_up_on_the_platform_and_never_sent_twice()
    {
        var (owner, account) = await OwnerWithXAsync();
        // X accepts the tweet but the answer is lost (a 503 after the fact); the tweet is in the timeline.
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));
        x.On("GET", $"/2/users/{PostsApp.XUserId}/tweets", FakeResponse.Json($$$"""
            {"data":[{"id":"77","text":"Lost answer","created_at":"{{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}}"}],"meta":{"result_count":1}}
            """));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Lost answer"));

        await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);
        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed");

        published.GetProperty("status").GetString().ShouldBe("Published");
        published.Target().GetProperty("platformPostId").GetString().ShouldBe("77");
        x.To("POST", "/2/tweets").Count.ShouldBe(1);
    }

    [Test]
    public async Task A_lookup_refused_by_the_platforms_rate_limit_is_made_again_before_anything_is_sent_again()
    {
        var (owner, account) = await OwnerWithXAsync();
        // X creates the tweet but the answer is lost, then refuses the first lookup with its rate limit.
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));
        var lookups = 0;
        x.On("GET", XTimeline.Path, _ => Interlocked.Increment(ref lookups) == 1
            ? XResponses.TooManyRequests(TimeSpan.FromSeconds(1))
            : FakeResponse.Json($$$"""
                {"data":[{"id":"78","text":"Looked up twice","created_at":"{{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}}"}],"meta":{"result_count":1}}
                """));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Looked up twice"));

        await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);
        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed");

        published.GetProperty("status").GetString().ShouldBe("Published");
        published.Target().GetProperty("platformPostId").GetString().ShouldBe("78");
        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        x.To("GET", XTimeline.Path).Count.ShouldBe(2, "the refused lookup, then the one that found it");
    }

    [Test]
    public async Task An_outcome_that_cannot_be_settled_stays_unconfirmed_and_is_not_retried_blindly()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));
        x.On("GET", $"/2/users/{PostsApp.XUserId}/tweets", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Unknowable"));

        await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);
        var settled = await PostApi.WaitForAsync(owner.Client, post.Id(), "Failed", "Published");

        settled.Target().GetProperty("status").GetString().ShouldBe("Unconfirmed");
        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        var blind = await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/targets/{settled.Target().Id()}/retry", null);
        blind.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }


    private void AcceptTweets() => x.On("POST", "/2/tweets", _ => Tweet());

    private FakeResponse Tweet()
    {
        var id = Interlocked.Increment(ref tweetIds);
        return FakeResponse.Json($$$"""{"data":{"id":"{{{id}}}","text":"ok"}}""", 201);
    }
}
