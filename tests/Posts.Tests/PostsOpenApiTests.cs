using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>What the OpenAPI document promises about post answers: counts named for what they count, enums as names.</summary>
public sealed class PostsOpenApiTests : PostsFixture
{
    private static JsonElement Schema(JsonElement document, string name) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    [Test]
    public async Task A_target_answers_its_attempt_count_and_its_states_as_enum_names()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var target = Schema(document, "TargetResponse").GetProperty("properties");
        target.TryGetProperty("attemptCount", out _).ShouldBeTrue();
        target.TryGetProperty("retryCount", out _).ShouldBeFalse();
        Schema(document, "DeadLetterItem").GetProperty("properties").TryGetProperty("attemptCount", out _).ShouldBeTrue();
        var kinds = Schema(document, "TargetErrorKind");
        kinds.GetProperty("type").GetString().ShouldBe("string");
        kinds.GetProperty("enum").EnumerateArray().Select(k => k.GetString()).ShouldContain("Missed");
        Schema(document, "PostType").GetProperty("enum").EnumerateArray().Select(k => k.GetString()).ShouldContain("Text");
    }

    [Test]
    public async Task Create_and_update_document_that_media_may_name_library_items_by_id()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var paths = document.GetProperty("paths");

        foreach (var (path, verb) in new[] { ("/api/v1/posts", "post"), ("/api/v1/posts/{id}", "put") })
        {
            var description = paths.GetProperty(path).GetProperty(verb).GetProperty("description").GetString();
            description.ShouldNotBeNull();
            description.ShouldContain("\"id\"");
            description.ShouldContain("library");
        }
        var media = Schema(document, "MediaPayload").GetProperty("properties");
        media.TryGetProperty("id", out _).ShouldBeTrue();
    }

    [Test]
    public async Task A_target_documents_its_own_media_in_the_request_and_the_answer()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var requested = Schema(document, "TargetPayload").GetProperty("properties").GetProperty("media");
        requested.GetProperty("items").GetProperty("$ref").GetString()!.ShouldEndWith("MediaPayload");
        Schema(document, "TargetResponse").GetProperty("properties").TryGetProperty("media", out _).ShouldBeTrue();
        document.GetProperty("paths").GetProperty("/api/v1/posts").GetProperty("post").GetProperty("description").GetString()!.ShouldContain("targets[i].media");
    }
}
