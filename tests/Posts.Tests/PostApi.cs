using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests;

internal static class PostApi
{
    public static object Draft(Guid accountId, string content = "Hello from the scheduler", string? customContent = null) => new
    {
        title = "A post",
        content,
        type = "text",
        targets = new[] { new { accountId, customContent } },
    };

    public static async Task<JsonElement> CreateAsync(HttpClient client, object draft)
    {
        var response = await client.PostAsJsonAsync("/api/v1/posts", draft);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<JsonElement> GetAsync(HttpClient client, Guid postId) =>
        client.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{postId}");

    /// <summary>Polls the post until its status is one of <paramref name="statuses"/>.</summary>
    public static Task<JsonElement> WaitForAsync(HttpClient client, Guid postId, params string[] statuses) =>
        WaitUntilAsync(client, postId, post => statuses.Contains(post.GetProperty("status").GetString()));

    /// <summary>Polls the post (for up to 20 s) until <paramref name="arrived"/> holds.</summary>
    public static async Task<JsonElement> WaitUntilAsync(HttpClient client, Guid postId, Func<JsonElement, bool> arrived)
    {
        JsonElement post = default;
        for (var i = 0; i < 200; i++)
        {
            post = await GetAsync(client, postId);
            if (arrived(post))
            {
                return post;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Post {postId} stayed {post.GetProperty("status")}: {post}");
    }

    public static async Task ScheduleAsync(HttpClient client, Guid postId, DateTimeOffset at)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/posts/{postId}/schedule", new { scheduledAt = at.ToString("O") });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> PublishAsync(HttpClient client, Guid postId) => client.PostAsync($"/api/v1/posts/{postId}/publish", null);

    public static JsonElement Target(this JsonElement post) => post.GetProperty("targets")[0];

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();
}
