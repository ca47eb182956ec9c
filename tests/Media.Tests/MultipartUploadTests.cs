using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Media.Tests;

/// <summary>
/// Files from the multipart threshold up go to S3 as a multipart upload: one presigned URL per part, completed from the
/// parts' ETags, then checked like any direct upload.
/// </summary>
public sealed class MultipartUploadTests
{
    private const long PartSize = 5L << 20; // the smallest part S3 takes (https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html)

    private MediaApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = MediaApp.Start(StoreKind.S3, new Dictionary<string, string?>
    {
        ["Media:Uploads:MultipartThresholdBytes"] = PartSize.ToString(CultureInfo.InvariantCulture),
        ["Media:Uploads:PartSizeBytes"] = PartSize.ToString(CultureInfo.InvariantCulture),
        ["Billing:Plans:free:MediaStorageBytes"] = (100L << 20).ToString(CultureInfo.InvariantCulture),
    });

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task A_large_file_sent_in_parts_becomes_an_item_byte_for_byte()
    {
        var owner = await app.RegisterAsync();
        var video = WithFreeBox(TestFiles.Mp4(600, 7500, 1280, 720), RandomNumberGenerator.GetBytes((int)(2 * PartSize)));
        var upload = await StartAsync(owner, video.Length);

        upload.GetProperty("uploadUrl").ValueKind.ShouldBe(JsonValueKind.Null);
        upload.GetProperty("partSizeBytes").GetInt64().ShouldBe(PartSize);
        upload.GetProperty("parts").GetArrayLength().ShouldBe(3);
        var parts = await SendPartsAsync(upload, video);
        var completed = await CompleteAsync(owner, upload, new { altText = "In parts", parts });

        completed.StatusCode.ShouldBe(HttpStatusCode.Created, await completed.Content.ReadAsStringAsync());
        var item = await Json(completed);
        item.GetProperty("contentType").GetString().ShouldBe("video/mp4");
        item.GetProperty("sizeBytes").GetInt64().ShouldBe(video.Length);
        item.GetProperty("checksumSha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(video)));
        var download = await app.DownloadAsync(item.GetProperty("downloadUrl").GetString()!);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(video);
        (await app.Database.SuperuserScalarAsync("SELECT used_bytes FROM media.usage WHERE tenant_id = $1", owner.TenantId)).ShouldBe((long)video.Length);
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.uploads WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
    }

    [Test]
    public async Task A_file_under_the_threshold_still_gets_one_put_url()
    {
        var owner = await app.RegisterAsync();
        var upload = await StartAsync(owner, PartSize - 1);
        upload.GetProperty("uploadUrl").GetString().ShouldNotBeNullOrEmpty();
        upload.GetProperty("parts").GetArrayLength().ShouldBe(0);
    }

    [Test]
    public async Task Completing_without_every_part_is_a_bad_request_and_the_upload_can_still_be_completed()
    {
        var owner = await app.RegisterAsync();
        var video = WithFreeBox(TestFiles.Mp4(600, 600, 640, 360), new byte[PartSize]);
        var upload = await StartAsync(owner, video.Length);
        var parts = await SendPartsAsync(upload, video);

        (await CompleteAsync(owner, upload, new { parts = parts.Take(1) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CompleteAsync(owner, upload, new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CompleteAsync(owner, upload, new { parts = new[] { parts[0], parts[0] } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await CompleteAsync(owner, upload, new { parts })).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task A_large_file_that_is_not_media_is_refused_and_deleted_with_its_upload()
    {
        var owner = await app.RegisterAsync();
        var junk = "#!/bin/sh\necho pwned\n"u8.ToArray().Concat(new byte[PartSize]).ToArray();
        var upload = await StartAsync(owner, junk.Length);
        var parts = await SendPartsAsync(upload, junk);

        var completed = await CompleteAsync(owner, upload, new { parts });

        completed.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await app.ObjectKeysAsync(owner.TenantId)).ShouldBeEmpty();
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.uploads WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.items WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
    }

    private static async Task<JsonElement> StartAsync(TestAccount owner, long size)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/media/uploads", new { sizeBytes = size });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    // The client's side: each part PUT to its presigned UploadPart URL, keeping the ETag header it answers
    // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html#API_UploadPart_ResponseSyntax).
    private static async Task<object[]> SendPartsAsync(JsonElement upload, byte[] file)
    {
        using var plain = new HttpClient();
        var partSize = upload.GetProperty("partSizeBytes").GetInt64();
        var sent = new List<object>();
        foreach (var part in upload.GetProperty("parts").EnumerateArray())
        {
            var number = part.GetProperty("partNumber").GetInt32();
            var start = (int)((number - 1) * partSize);
            var bytes = file.AsMemory(start, (int)Math.Min(partSize, file.Length - start)).ToArray();
            var response = await plain.PutAsync(part.GetProperty("uploadUrl").GetString(), new ByteArrayContent(bytes));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            sent.Add(new { partNumber = number, eTag = response.Headers.ETag!.Tag });
        }
        return [.. sent];
    }

    // A 'free' box after the movie's boxes: space a reader skips (https://developer.apple.com/documentation/quicktime-file-format/free_space_atoms).
    private static byte[] WithFreeBox(byte[] mp4, byte[] filler)
    {
        var header = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header, (uint)(8 + filler.Length));
        "free"u8.CopyTo(header.AsSpan(4));
        return [.. mp4, .. header, .. filler];
    }

    private static Task<HttpResponseMessage> CompleteAsync(TestAccount owner, JsonElement upload, object body) =>
        owner.Client.PostAsJsonAsync($"/api/v1/media/uploads/{upload.GetProperty("id").GetGuid()}/complete", body);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
