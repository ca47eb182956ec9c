using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// The last attempt's answer is lost: before the target may be left UNCONFIRMED for a person, the post is looked up once
/// on the platform (without sending), through the real dispatcher against a local X whose timeline holds what it accepted.
/// </summary>
public sealed class FinalLookupPublishingTests : PostsFixture
{
    // One attempt only: the first attempt is the last one.
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Publishing:MaxAttempts"] = "1",
        ["Publishing:FinalLookupDelay"] = "00:00:00.500",
    };

    private XTimeline timeline = null!;

    [SetUp]
    public void Reset()
    {
        x.Reset();
        timeline = new XTimeline(x, firstId: 5_000);
    }

    [Test]
    public async Task A_last_attempt_whose_answer_was_lost_is_looked_up_and_published_with_the_id_the_platform_gave_it()
    {
        var (owner, account) = await OwnerWithXAsync();
        // X takes the tweet, then its answer never arrives in time (the client gives up after its 3 s timeout).
        timeline.AcceptTweets(answerAfter: TimeSpan.FromSeconds(8));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Answer lost on the last attempt"));

        await PostApi.PublishAsync(owner.Client, post.Id());
        var settled = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed", "PartiallyPublished");

        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        timeline.Tweets.Count.ShouldBe(1, "exactly one post on the platform");
        settled.Target().GetProperty("status").GetString().ShouldBe("Published");
        settled.Target().GetProperty("platformPostId").GetString().ShouldBe(timeline.Tweets.Single().Id);
        settled.Target().GetProperty("attemptCount").GetInt32().ShouldBe(1, "the lookup is not an attempt");
        x.To("GET", XTimeline.Path).ShouldNotBeEmpty();
        (await OutcomesAsync(settled.Target().Id())).ShouldBe("unconfirmed,reconciled");
    }

    [Test]
    public async Task A_last_attempt_whose_post_the_lookup_does_not_find_fails_saying_nothing_was_published()
    {
        var (owner, account) = await OwnerWithXAsync();
        // A 5xx that X answered without creating the tweet: only the lookup can tell.
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Never made it"));

        await PostApi.PublishAsync(owner.Client, post.Id());
        var settled = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed", "PartiallyPublished");

        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        x.To("GET", XTimeline.Path).Count.ShouldBe(1);
        settled.Target().GetProperty("status").GetString().ShouldBe("Failed");
        settled.Target().GetProperty("errorKind").GetString().ShouldBe("Transient");
        settled.Target().GetProperty("errorMessage").GetString()!.ShouldContain("nothing was published");
        (await OutcomesAsync(settled.Target().Id())).ShouldBe("unconfirmed,failed");
    }

    /// <summary>How each attempt of the target ended, in order.</summary>
    private async Task<string> OutcomesAsync(Guid target) =>
        (string)(await SuperuserScalarAsync("SELECT string_agg(outcome, ',' ORDER BY attempt) FROM posts.target_attempts WHERE target_id = $1", target))!;
}
