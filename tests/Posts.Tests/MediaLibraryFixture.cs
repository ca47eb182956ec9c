using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>
/// A posts fixture whose media library keeps files in a folder of its own, and whose "public address" is the fake X
/// itself, under <c>/public</c>: what X's client downloads of a published item is recorded there.
/// </summary>
public abstract class MediaLibraryFixture : PostsFixture
{
    // A whole 1×1 PNG, so the library's decoder accepts it.
    protected static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly string mediaRoot = Path.Combine(Path.GetTempPath(), "platform-posts-media-" + Guid.NewGuid().ToString("N"));

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Media:Local:Root"] = mediaRoot,
        ["Media:PublicBaseUrl"] = x.Url + "/public",
    };

    [OneTimeTearDown]
    public void RemoveFiles()
    {
        if (Directory.Exists(mediaRoot))
        {
            Directory.Delete(mediaRoot, recursive: true);
        }
    }

    /// <summary>Uploads <see cref="Png"/> to the owner's library through the API; answers the item's id.</summary>
    protected static async Task<Guid> UploadAsync(TestAccount owner, string? altText = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        form.Add(file, "file", "dot.png");
        if (altText is not null)
        {
            form.Add(new StringContent(altText), "altText");
        }
        var response = await owner.Client.PostAsync("/api/v1/media", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    protected static Task<HttpResponseMessage> ScheduleAsync(TestAccount owner, Guid postId) =>
        owner.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/schedule", new { scheduledAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O") });
}
