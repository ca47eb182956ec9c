using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>Posts that use items of the tenant's media library by id: refused when not the tenant's, guarded against deletion, signed at publish.</summary>
public sealed class LibraryMediaTests : MediaLibraryFixture
{
    [Test]
    public async Task A_draft_takes_a_library_item_by_id_with_the_items_facts()
    {
        var (owner, account) = await OwnerWithXAsync();
        var mediaId = await UploadAsync(owner, "A red dot");

        var post = await PostApi.CreateAsync(owner.Client, Draft(account, mediaId));

        var media = post.GetProperty("media")[0];
        media.GetProperty("mediaId").GetGuid().ShouldBe(mediaId);
        media.GetProperty("kind").GetString().ShouldBe("image");
        media.GetProperty("contentType").GetString().ShouldBe("image/png");
        media.GetProperty("sizeBytes").GetInt64().ShouldBe(Png.Length);
        media.GetProperty("altText").GetString().ShouldBe("A red dot");
        post.Target().GetProperty("problems").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task Another_tenants_item_or_a_deleted_one_is_refused_and_nothing_is_saved()
    {
        var (owner, account) = await OwnerWithXAsync();
        var (stranger, _) = await OwnerWithXAsync();
        var theirs = await UploadAsync(stranger);
        var deleted = await UploadAsync(owner);
        (await owner.Client.DeleteAsync($"/api/v1/media/{deleted}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        foreach (var mediaId in new[] { theirs, deleted })
        {
            var response = await owner.Client.PostAsJsonAsync("/api/v1/posts", Draft(account, mediaId));
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
            problem.GetProperty("mediaIds")[0].GetGuid().ShouldBe(mediaId);
        }
        var listed = await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/posts");
        listed.ToString().ShouldNotContain(theirs.ToString());
        (await SuperuserScalarAsync("SELECT count(*) FROM posts.posts WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
    }

    [Test]
    public async Task An_update_to_an_unknown_item_is_refused_and_the_post_keeps_its_media()
    {
        var (owner, account) = await OwnerWithXAsync();
        var mediaId = await UploadAsync(owner);
        var post = await PostApi.CreateAsync(owner.Client, Draft(account, mediaId));

        var response = await owner.Client.PutAsJsonAsync($"/api/v1/posts/{post.Id()}", Draft(account, Guid.NewGuid()));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await PostApi.GetAsync(owner.Client, post.Id())).GetProperty("media")[0].GetProperty("mediaId").GetGuid().ShouldBe(mediaId);
    }

    [Test]
    public async Task An_id_given_with_url_facts_is_a_bad_request()
    {
        var (owner, account) = await OwnerWithXAsync();
        var mediaId = await UploadAsync(owner);
        var response = await owner.Client.PostAsJsonAsync("/api/v1/posts", new
        {
            content = "Mixed up",
            type = "image",
            media = new[] { new { id = mediaId, url = "https://cdn.example.com/a.png", kind = "image", contentType = "image/png", sizeBytes = 10 } },
            targets = new[] { new { accountId = account } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Library_items_reach_the_platforms_rules_at_schedule_time_with_the_reason_per_target()
    {
        var (owner, account) = await OwnerWithXAsync();
        var mediaId = await UploadAsync(owner);
        // Five images: X takes at most four.
        var post = await PostApi.CreateAsync(owner.Client, Draft(account, mediaId, mediaId, mediaId, mediaId, mediaId));

        var response = await ScheduleAsync(owner, post.Id());

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("targets").GetProperty(post.Target().Id().ToString()).GetProperty("problems");
        problems.EnumerateArray().ShouldContain(p => p.GetString()!.Contains("images"));
    }

    [Test]
    public async Task An_item_deleted_from_the_library_keeps_its_draft_from_being_scheduled_saying_why()
    {
        var (owner, account) = await OwnerWithXAsync();
        var mediaId = await UploadAsync(owner);
        var post = await PostApi.CreateAsync(owner.Client, Draft(account, mediaId));
        (await owner.Client.DeleteAsync($"/api/v1/media/{mediaId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await ScheduleAsync(owner, post.Id());

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("targets").GetProperty(post.Target().Id().ToString()).GetProperty("problems");
        problems.EnumerateArray().ShouldContain(p => p.GetString()!.Contains(mediaId.ToString()) && p.GetString()!.Contains("deleted"));
    }

    [Test]
    public async Task An_item_a_scheduled_post_uses_cannot_be_deleted_until_the_post_is_unscheduled()
    {
        var (owner, account) = await OwnerWithXAsync();
        var mediaId = await UploadAsync(owner);
        var post = await PostApi.CreateAsync(owner.Client, Draft(account, mediaId));
        (await ScheduleAsync(owner, post.Id())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await owner.Client.DeleteAsync($"/api/v1/media/{mediaId}");

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
        (await owner.Client.GetAsync($"/api/v1/media/{mediaId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/unschedule", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.Client.DeleteAsync($"/api/v1/media/{mediaId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task At_publish_the_platform_pulls_the_item_from_a_signed_url_on_the_public_address()
    {
        var (owner, account) = await OwnerWithXAsync();
        var mediaId = await UploadAsync(owner);
        var post = await PostApi.CreateAsync(owner.Client, Draft(account, mediaId));

        (await PostApi.PublishAsync(owner.Client, post.Id())).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await PostApi.WaitForAsync(owner.Client, post.Id(), "Failed", "Published", "PartiallyPublished");

        // X wants the bytes (https://docs.x.com/x-api/media/upload-media), so its client downloads them from the URL it was given.
        var pulled = x.Requests.First(r => r.Method == "GET" && r.Path == "/public/api/v1/media/files");
        var file = await app.CreateClient().GetAsync("/api/v1/media/files" + pulled.Query);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(Png);
        var tampered = await app.CreateClient().GetAsync("/api/v1/media/files" + pulled.Query.Replace("expires=", "expires=1", StringComparison.Ordinal));
        tampered.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static object Draft(Guid account, params Guid[] mediaIds) => new
    {
        content = "From the library",
        type = "image",
        media = mediaIds.Select(id => new { id }).ToArray(),
        targets = new[] { new { accountId = account } },
    };
}
