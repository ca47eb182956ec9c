using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>A target's own media list, by library id: sent instead of the post's, checked like it, guarding its items from deletion.</summary>
public sealed class TargetMediaTests : MediaLibraryFixture
{
    [Test]
    public async Task A_targets_own_media_is_kept_answered_and_sent_instead_of_the_posts()
    {
        var (owner, account) = await OwnerWithXAsync();
        var postImage = await UploadAsync(owner);
        var targetImage = await UploadAsync(owner);

        var post = await PostApi.CreateAsync(owner.Client, Draft(account, [postImage], [targetImage]));

        post.GetProperty("media")[0].GetProperty("mediaId").GetGuid().ShouldBe(postImage);
        var targetMedia = post.Target().GetProperty("media");
        targetMedia.GetArrayLength().ShouldBe(1);
        targetMedia[0].GetProperty("mediaId").GetGuid().ShouldBe(targetImage);
        (await PostApi.GetAsync(owner.Client, post.Id())).Target().GetProperty("media")[0].GetProperty("mediaId").GetGuid().ShouldBe(targetImage);

        (await PostApi.PublishAsync(owner.Client, post.Id())).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await PostApi.WaitForAsync(owner.Client, post.Id(), "Failed", "Published", "PartiallyPublished");

        // X wants the bytes (https://docs.x.com/x-api/media/upload-media): the URL it pulled names the target's item, not the post's.
        var pulled = x.Requests.Where(r => r.Method == "GET" && r.Path == "/public/api/v1/media/files").Select(r => r.Query).ToList();
        pulled.ShouldContain(q => q.Contains(targetImage.ToString("N"), StringComparison.Ordinal));
        pulled.ShouldNotContain(q => q.Contains(postImage.ToString("N"), StringComparison.Ordinal));
    }

    [Test]
    public async Task An_unknown_or_other_tenants_id_in_a_targets_media_is_refused_naming_the_field()
    {
        var (owner, account) = await OwnerWithXAsync();
        var (stranger, _) = await OwnerWithXAsync();
        var theirs = await UploadAsync(stranger);
        var mine = await UploadAsync(owner);

        foreach (var mediaId in new[] { theirs, Guid.NewGuid() })
        {
            var response = await owner.Client.PostAsJsonAsync("/api/v1/posts", Draft(account, [mine], [mediaId]));

            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
            problem.GetProperty("mediaIds")[0].GetGuid().ShouldBe(mediaId);
            problem.GetProperty("errors").GetProperty("targets[0].media")[0].GetString()!.ShouldContain(mediaId.ToString());
            problem.GetProperty("errors").TryGetProperty("media", out _).ShouldBeFalse();
        }
        (await SuperuserScalarAsync("SELECT count(*) FROM posts.posts WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
    }

    [Test]
    public async Task A_target_media_entry_given_with_url_facts_besides_its_id_is_a_bad_request()
    {
        var (owner, account) = await OwnerWithXAsync();
        var mine = await UploadAsync(owner);
        var response = await owner.Client.PostAsJsonAsync("/api/v1/posts", new
        {
            content = "Mixed up",
            type = "image",
            targets = new[] { new { accountId = account, media = new[] { new { id = mine, url = "https://cdn.example.com/a.png" } } } },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task An_item_only_a_scheduled_posts_target_uses_cannot_be_deleted_until_unscheduled()
    {
        var (owner, account) = await OwnerWithXAsync();
        var postImage = await UploadAsync(owner);
        var targetImage = await UploadAsync(owner);
        var post = await PostApi.CreateAsync(owner.Client, Draft(account, [postImage], [targetImage]));
        (await ScheduleAsync(owner, post.Id())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await owner.Client.DeleteAsync($"/api/v1/media/{targetImage}");

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, await refused.Content.ReadAsStringAsync());
        (await owner.Client.PostAsync($"/api/v1/posts/{post.Id()}/unschedule", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.Client.DeleteAsync($"/api/v1/media/{targetImage}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Test]
    public async Task A_targets_own_media_is_what_its_platforms_rules_judge()
    {
        var (owner, account) = await OwnerWithXAsync();
        var image = await UploadAsync(owner);
        // One image on the post, five on the target: X takes at most four.
        var post = await PostApi.CreateAsync(owner.Client, Draft(account, [image], [image, image, image, image, image]));

        var response = await ScheduleAsync(owner, post.Id());

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("targets").GetProperty(post.Target().Id().ToString()).GetProperty("problems");
        problems.EnumerateArray().ShouldContain(p => p.GetString()!.Contains("images"));
    }

    private static object Draft(Guid account, Guid[] postMedia, Guid[] targetMedia) => new
    {
        content = "Per-target media",
        type = "image",
        media = postMedia.Select(id => new { id }).ToArray(),
        targets = new[] { new { accountId = account, media = targetMedia.Select(id => new { id }).ToArray() } },
    };
}
