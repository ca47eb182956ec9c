using System.Net;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>A slow platform answer must not make the dispatcher start the same target again while it is in flight.</summary>
public sealed class SlowPlatformTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => new() { ["Publishing:Lease"] = "00:00:06" };

    [Test]
    public async Task A_slow_answer_is_waited_for_and_the_target_is_sent_once()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", new FakeResponse(201, """{"data":{"id":"9","text":"ok"}}""", Delay: TimeSpan.FromMilliseconds(1200)));
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Slow lane"));

        (await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var published = await PostApi.WaitForAsync(owner.Client, post.Id(), "Published", "Failed");
        await Task.Delay(4000);

        x.To("POST", "/2/tweets").Count.ShouldBe(1);
        published.Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
    }
}
