using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Media.Tests;

[TestFixture(StoreKind.S3)]
[TestFixture(StoreKind.LocalDisk)]
public sealed class LibraryTests(StoreKind store)
{
    private MediaApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = MediaApp.Start(store);

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task An_uploaded_image_is_described_and_downloads_byte_for_byte()
    {
        var owner = await app.RegisterAsync();
        var png = TestFiles.NoisePng(40, 30);
        var response = await owner.Client.PostAsync("/api/v1/media", MediaApp.Form(png, altText: "Noise"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var item = await Json(response);
        item.GetProperty("kind").GetString().ShouldBe("Image");
        item.GetProperty("contentType").GetString().ShouldBe("image/png");
        item.GetProperty("sizeBytes").GetInt64().ShouldBe(png.Length);
        item.GetProperty("width").GetInt32().ShouldBe(40);
        item.GetProperty("height").GetInt32().ShouldBe(30);
        item.GetProperty("checksumSha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(png)));
        item.GetProperty("altText").GetString().ShouldBe("Noise");
        item.GetProperty("createdBy").GetGuid().ShouldBe(owner.UserId);

        var download = await app.DownloadAsync(item.GetProperty("downloadUrl").GetString()!);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(png);
        var thumbnail = await app.DownloadAsync(item.GetProperty("thumbnailUrl").GetString()!);
        (await thumbnail.Content.ReadAsByteArrayAsync())[..3].ShouldBe(new byte[] { 0xFF, 0xD8, 0xFF });
        (await app.ObjectKeysAsync(owner.TenantId)).Count.ShouldBe(2);
    }

    [Test]
    public async Task A_video_is_typed_from_its_container_and_gets_its_duration()
    {
        var owner = await app.RegisterAsync();
        var response = await owner.Client.PostAsync("/api/v1/media", MediaApp.Form(TestFiles.Mp4(600, 7500, 1280, 720), "clip.bin", "application/octet-stream"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var item = await Json(response);
        item.GetProperty("kind").GetString().ShouldBe("Video");
        item.GetProperty("contentType").GetString().ShouldBe("video/mp4");
        item.GetProperty("durationSeconds").GetDouble().ShouldBe(12.5);
        item.GetProperty("width").GetInt32().ShouldBe(1280);
    }

    [Test]
    public async Task A_script_named_png_is_refused_as_what_it_is_and_nothing_is_stored()
    {
        var owner = await app.RegisterAsync();
        var response = await owner.Client.PostAsync("/api/v1/media", MediaApp.Form("#!/bin/sh\necho pwned\n"u8.ToArray(), "cat.png", "image/png"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var problem = await Json(response);
        problem.GetProperty("detail").GetString()!.ShouldContain("script");
        problem.GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
        await ShouldHaveStoredNothingAsync(owner);
    }

    [Test]
    public async Task A_file_past_its_kinds_limit_is_cut_off_with_413_and_nothing_is_stored()
    {
        var owner = await app.RegisterAsync();
        var png = TestFiles.NoisePng(8, 8);
        var tooLarge = png.Concat(new byte[MediaApp.ImageLimit]).ToArray();
        var response = await owner.Client.PostAsync("/api/v1/media", MediaApp.Form(tooLarge));
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
        (await Json(response)).GetProperty("maxBytes").GetInt64().ShouldBe(MediaApp.ImageLimit);
        await ShouldHaveStoredNothingAsync(owner);
    }

    [TestCase("empty")]
    [TestCase("truncated")]
    [TestCase("two files")]
    [TestCase("no file")]
    [TestCase("path name")]
    [TestCase("not multipart")]
    public async Task Bad_uploads_answer_4xx_and_store_nothing(string kind)
    {
        var owner = await app.RegisterAsync();
        var png = TestFiles.NoisePng(40, 30);
        HttpContent content = kind switch
        {
            "empty" => MediaApp.Form([]),
            "truncated" => MediaApp.Form(png[..(png.Length / 2)]),
            "two files" => TwoFiles(png),
            "no file" => new MultipartFormDataContent { { new StringContent("alt"), "altText" } },
            "path name" => MediaApp.Form(png, "../../etc/cron.d/x.png"),
            _ => new ByteArrayContent(png),
        };
        var response = await owner.Client.PostAsync("/api/v1/media", content);
        ((int)response.StatusCode).ShouldBeInRange(400, 499, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        await ShouldHaveStoredNothingAsync(owner);
    }

    [Test]
    public async Task The_library_lists_newest_first_filters_by_kind_and_edits_and_deletes_items()
    {
        var owner = await app.RegisterAsync();
        var first = await UploadAsync(owner, MediaApp.Form(TestFiles.NoisePng(10, 10)));
        var gif = await UploadAsync(owner, MediaApp.Form(TestFiles.Gif(), "anim.gif", "image/gif"));

        var all = await Json(await owner.Client.GetAsync("/api/v1/media?pageSize=1"));
        all.GetProperty("totalCount").GetInt64().ShouldBe(2);
        all.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(gif);
        var images = await Json(await owner.Client.GetAsync("/api/v1/media?kind=Image"));
        images.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([first]);

        var patched = await owner.Client.PatchAsJsonAsync($"/api/v1/media/{first}", new { altText = "A square" });
        patched.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(await owner.Client.GetAsync($"/api/v1/media/{first}"))).GetProperty("altText").GetString().ShouldBe("A square");

        (await owner.Client.DeleteAsync($"/api/v1/media/{first}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.Client.GetAsync($"/api/v1/media/{first}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.ObjectKeysAsync(owner.TenantId)).ShouldAllBe(key => !key.Contains(first.ToString("N")));
        (await app.Database.SuperuserScalarAsync("SELECT file_count FROM media.usage WHERE tenant_id = $1", owner.TenantId)).ShouldBe(1);
    }

    [Test]
    public async Task Another_tenant_reaches_no_item_by_id_and_no_object_by_key()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var id = await UploadAsync(owner, MediaApp.Form(TestFiles.NoisePng(10, 10)));

        (await other.Client.GetAsync($"/api/v1/media/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.PatchAsJsonAsync($"/api/v1/media/{id}", new { altText = "mine" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.Client.DeleteAsync($"/api/v1/media/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(await other.Client.GetAsync("/api/v1/media"))).GetProperty("totalCount").GetInt64().ShouldBe(0);

        // The other tenant's own URL names its own tenant's key and is signed for exactly that key.
        var own = await UploadAsync(other, MediaApp.Form(TestFiles.NoisePng(10, 10)));
        var ownUrl = (await Json(await other.Client.GetAsync($"/api/v1/media/{own}"))).GetProperty("downloadUrl").GetString()!;
        Uri.UnescapeDataString(ownUrl).ShouldContain($"tenants/{other.TenantId:N}/media/{own:N}/");
        var stolen = ownUrl.Replace(other.TenantId.ToString("N"), owner.TenantId.ToString("N")).Replace(own.ToString("N"), id.ToString("N"));
        stolen.ShouldNotBe(ownUrl);
        if (store == StoreKind.LocalDisk)
        {
            // Pointed at the owner's key, it opens nothing. (s3rver does not check presigned signatures, so on S3 this rests
            // on the service's SigV4 check, https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html.)
            (await app.DownloadAsync(stolen)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        else
        {
            ownUrl.ShouldContain("X-Amz-Signature=");
        }
        (await Json(await owner.Client.GetAsync($"/api/v1/media/{id}"))).GetProperty("altText").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public async Task The_file_count_quota_answers_409_naming_limit_and_usage()
    {
        var owner = await app.RegisterAsync();
        for (var i = 0; i < MediaApp.QuotaFiles; i++)
        {
            await UploadAsync(owner, MediaApp.Form(TestFiles.NoisePng(4, 4, seed: i)));
        }
        var refused = await owner.Client.PostAsync("/api/v1/media", MediaApp.Form(TestFiles.NoisePng(4, 4)));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Json(refused);
        problem.GetProperty("maxFiles").GetInt32().ShouldBe(MediaApp.QuotaFiles);
        problem.GetProperty("fileCount").GetInt32().ShouldBe(MediaApp.QuotaFiles);
    }

    [Test]
    public async Task Concurrent_uploads_cannot_pass_the_byte_quota_together()
    {
        var owner = await app.RegisterAsync();
        // Each is just over half the quota: one may be stored, never two.
        var files = Enumerable.Range(0, 3).Select(i => TestFiles.NoisePng(185, 185, seed: 10 + i)).ToList();
        files.ShouldAllBe(f => f.Length > MediaApp.QuotaBytes / 2 && f.Length < MediaApp.ImageLimit);
        var answers = await Task.WhenAll(files.Select(f => owner.Client.PostAsync("/api/v1/media", MediaApp.Form(f))));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.PaymentRequired);
        var stored = (long)(await app.Database.SuperuserScalarAsync("SELECT used_bytes FROM media.usage WHERE tenant_id = $1", owner.TenantId))!;
        stored.ShouldBeLessThanOrEqualTo(MediaApp.QuotaBytes);
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.items WHERE tenant_id = $1", owner.TenantId)).ShouldBe(1L);
        (await app.ObjectKeysAsync(owner.TenantId)).Count.ShouldBe(2);
    }

    private async Task ShouldHaveStoredNothingAsync(TestAccount owner)
    {
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.items WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
        var used = await app.Database.SuperuserScalarAsync("SELECT coalesce(sum(used_bytes), 0) + coalesce(sum(file_count), 0) FROM media.usage WHERE tenant_id = $1", owner.TenantId);
        Convert.ToInt64(used, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0L);
        (await app.ObjectKeysAsync(owner.TenantId)).ShouldBeEmpty();
    }

    private static async Task<Guid> UploadAsync(TestAccount account, HttpContent form)
    {
        var response = await account.Client.PostAsync("/api/v1/media", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await Json(response)).GetProperty("id").GetGuid();
    }

    private static MultipartFormDataContent TwoFiles(byte[] png)
    {
        var form = MediaApp.Form(png);
        form.Add(new ByteArrayContent(png), "file", "second.png");
        return form;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
