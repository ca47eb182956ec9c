using System.Net;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>A failure in a step before the post create call leaves nothing on the platform: no lookup, and FAILED in the end.</summary>
public sealed class NothingSentTests : PostsFixture
{
    [Test]
    public async Task Media_that_cannot_be_uploaded_fails_the_target_saying_nothing_was_sent_without_looking_for_it()
    {
        var (owner, account) = await OwnerWithXAsync();
        var draft = new
        {
            title = "With a picture",
            content = "Look at this",
            type = "image",
            // Nothing listens on the discard port: the download ahead of X's media upload fails before X sees a thing.
            media = new[] { new { url = "https://127.0.0.1:9/cat.png", kind = "image", contentType = "image/png", sizeBytes = 2048 } },
            targets = new[] { new { accountId = account } },
        };
        var post = await PostApi.CreateAsync(owner.Client, draft);

        (await PostApi.PublishAsync(owner.Client, post.Id())).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var failed = await PostApi.WaitForAsync(owner.Client, post.Id(), "Failed", "Published", "PartiallyPublished");

        failed.GetProperty("status").GetString().ShouldBe("Failed");
        var target = failed.Target();
        target.GetProperty("status").GetString().ShouldBe("Failed");
        target.GetProperty("errorKind").GetString().ShouldBe("Transient");
        target.GetProperty("errorMessage").GetString()!.ShouldStartWith("Nothing was sent to the platform:");
        target.GetProperty("attemptCount").GetInt32().ShouldBe(3);
        x.To("POST", "/2/tweets").ShouldBeEmpty();
        x.Requests.ShouldNotContain(r => r.Method == "GET" && r.Path.EndsWith("/tweets", StringComparison.Ordinal), "nothing was created, so nothing is looked up");
    }
}
