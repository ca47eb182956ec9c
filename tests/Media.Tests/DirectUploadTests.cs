using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Media.Tests;

/// <summary>Large files go straight to S3 with a presigned PUT; completing types them from their bytes or deletes them.</summary>
public sealed class DirectUploadTests
{
    private MediaApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = MediaApp.Start(StoreKind.S3);

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task A_file_sent_to_the_presigned_url_becomes_an_item_typed_from_its_bytes()
    {
        var owner = await app.RegisterAsync();
        var video = TestFiles.Mp4(600, 7500, 1280, 720);
        var upload = await StartAsync(owner, video.Length);

        (await PutAsync(upload, video)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var completed = await owner.Client.PostAsJsonAsync($"/api/v1/media/uploads/{upload.GetProperty("id").GetGuid()}/complete", new { altText = "A clip" });

        completed.StatusCode.ShouldBe(HttpStatusCode.Created, await completed.Content.ReadAsStringAsync());
        var item = await Json(completed);
        item.GetProperty("id").GetGuid().ShouldBe(upload.GetProperty("id").GetGuid());
        item.GetProperty("contentType").GetString().ShouldBe("video/mp4");
        item.GetProperty("durationSeconds").GetDouble().ShouldBe(12.5);
        item.GetProperty("altText").GetString().ShouldBe("A clip");
        item.GetProperty("checksumSha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(video)));
        (await app.Database.SuperuserScalarAsync("SELECT used_bytes FROM media.usage WHERE tenant_id = $1", owner.TenantId)).ShouldBe((long)video.Length);
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.uploads WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
    }

    [Test]
    public async Task A_file_that_is_not_media_is_refused_415_and_deleted_with_its_upload()
    {
        var owner = await app.RegisterAsync();
        var script = "#!/bin/sh\necho pwned\n"u8.ToArray();
        var upload = await StartAsync(owner, script.Length);
        (await PutAsync(upload, script)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var completed = await CompleteAsync(owner, upload);

        completed.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await Json(completed)).GetProperty("detail").GetString()!.ShouldContain("script");
        (await app.ObjectKeysAsync(owner.TenantId)).ShouldBeEmpty();
        (await CompleteAsync(owner, upload)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.items WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
    }

    [Test]
    public async Task Completing_before_anything_was_sent_answers_409_and_the_upload_can_still_be_sent()
    {
        var owner = await app.RegisterAsync();
        var png = TestFiles.NoisePng(20, 20);
        var upload = await StartAsync(owner, png.Length);

        var early = await CompleteAsync(owner, upload);

        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(early)).GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
        (await PutAsync(upload, png)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CompleteAsync(owner, upload)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task A_file_of_another_size_than_declared_is_refused_and_deleted()
    {
        var owner = await app.RegisterAsync();
        var png = TestFiles.NoisePng(20, 20);
        var upload = await StartAsync(owner, png.Length - 1);
        (await PutAsync(upload, png)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await CompleteAsync(owner, upload)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.ObjectKeysAsync(owner.TenantId)).ShouldBeEmpty();
    }

    [Test]
    public async Task An_image_past_its_kinds_limit_is_refused_413_and_deleted()
    {
        var owner = await app.RegisterAsync();
        var tooLarge = TestFiles.NoisePng(8, 8).Concat(new byte[MediaApp.ImageLimit]).ToArray();
        // Under the quota's reach only because the largest kind (video) allows it when the upload starts.
        var upload = await StartAsync(owner, tooLarge.Length);
        (await PutAsync(upload, tooLarge)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await CompleteAsync(owner, upload)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await app.ObjectKeysAsync(owner.TenantId)).ShouldBeEmpty();
    }

    [TestCase(0L, HttpStatusCode.BadRequest)]
    [TestCase(MediaApp.QuotaBytes + 1, HttpStatusCode.PaymentRequired)]
    [TestCase(6L << 30, HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_declared_size_that_cannot_be_stored_gets_no_url(long size, HttpStatusCode expected)
    {
        var owner = await app.RegisterAsync();
        var response = await owner.Client.PostAsJsonAsync("/api/v1/media/uploads", new { sizeBytes = size });
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.uploads WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
    }

    [Test]
    public async Task Another_tenant_cannot_complete_an_upload()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var png = TestFiles.NoisePng(20, 20);
        var upload = await StartAsync(owner, png.Length);
        (await PutAsync(upload, png)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await CompleteAsync(other, upload)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CompleteAsync(owner, upload)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task On_the_local_disk_store_direct_uploads_answer_409_saying_they_need_s3()
    {
        await using var local = MediaApp.Start(StoreKind.LocalDisk);
        var owner = await local.RegisterAsync();
        var response = await owner.Client.PostAsJsonAsync("/api/v1/media/uploads", new { sizeBytes = 100 });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(response)).GetProperty("detail").GetString()!.ShouldContain("S3");
        (await owner.Client.PostAsync($"/api/v1/media/uploads/{Guid.NewGuid()}/complete", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static async Task<JsonElement> StartAsync(TestAccount owner, long size)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/media/uploads", new { sizeBytes = size });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var upload = await Json(response);
        upload.GetProperty("method").GetString().ShouldBe("PUT");
        return upload;
    }

    // The client's side: one PUT of the bytes to the presigned URL (https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html).
    private static async Task<HttpResponseMessage> PutAsync(JsonElement upload, byte[] bytes)
    {
        using var plain = new HttpClient();
        return await plain.PutAsync(upload.GetProperty("uploadUrl").GetString(), new ByteArrayContent(bytes));
    }

    private static Task<HttpResponseMessage> CompleteAsync(TestAccount owner, JsonElement upload) =>
        owner.Client.PostAsync($"/api/v1/media/uploads/{upload.GetProperty("id").GetGuid()}/complete", null);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
