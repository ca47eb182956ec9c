using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>A published target is recorded in analytics, for its own tenant only (its webhook deliveries: tests/Webhooks.Tests).</summary>
public sealed class PublishingEventsTests
{
    [Test]
    public async Task A_published_target_is_counted_in_analytics_of_its_tenant_only()
    {
        await using var x = await FakePlatform.StartAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"555","text":"ok"}}""", 201));
        await using var app = new PostsApp(x);
        var owner = await app.RegisterAsync();
        var account = await app.ConnectXAsync(owner, x);
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Tell everyone"));

        await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/publish", null);
        await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");
        var summary = await Eventually.WaitForAsync(
            async () => (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/summary")).GetProperty("counts"),
            counts => counts.GetArrayLength() > 0);

        summary[0].GetProperty("platform").GetString().ShouldBe("X");
        summary[0].GetProperty("eventType").GetString().ShouldBe("PostPublished");
        summary[0].GetProperty("count").GetInt64().ShouldBe(1);
        var stranger = await app.RegisterAsync();
        (await stranger.Client.GetFromJsonAsync<JsonElement>("/api/v1/analytics/summary")).GetProperty("counts").GetArrayLength().ShouldBe(0);
    }
}
