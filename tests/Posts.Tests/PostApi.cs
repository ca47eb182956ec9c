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
    public static async Task<JsonElement> WaitForAsync(HttpClient client, Guid postId, params string[] statuses)
    {
        JsonElement post = default;
        for (var i = 0; i < 200; i++)
        {
            post = await GetAsync(client, postId);
            if (statuses.Contains(post.GetProperty("status").GetString()))
            {
                return post;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Post {postId} stayed {post.GetProperty("status")}: {post}");
    }

    public static JsonElement Target(this JsonElement post) => post.GetProperty("targets")[0];

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();
}
