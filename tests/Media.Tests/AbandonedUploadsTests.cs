using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Media.Jobs;
using Platform.TestKit;
using Shouldly;

namespace Platform.Media.Tests;

/// <summary>Direct uploads started and never completed are swept away with what was sent for them, after a configured age.</summary>
public sealed class AbandonedUploadsTests
{
    private const long PartSize = 5L << 20;

    private MediaApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = MediaApp.Start(StoreKind.S3, new Dictionary<string, string?>
    {
        ["Media:Uploads:MultipartThresholdBytes"] = PartSize.ToString(CultureInfo.InvariantCulture),
        ["Media:Uploads:PartSizeBytes"] = PartSize.ToString(CultureInfo.InvariantCulture),
        ["Billing:Plans:free:MediaStorageBytes"] = (100L << 20).ToString(CultureInfo.InvariantCulture),
        ["Media:Uploads:AbandonedAfter"] = "1.00:00:00",
    });

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task An_upload_older_than_the_age_is_removed_with_its_object_and_a_recent_one_is_kept()
    {
        var owner = await app.RegisterAsync();
        var png = TestFiles.NoisePng(20, 20);
        var abandoned = await StartAsync(owner, png.Length);
        (await PutAsync(abandoned, png)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var multipart = await StartAsync(owner, PartSize * 2);
        var recent = await StartAsync(owner, png.Length);
        (await PutAsync(recent, png)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await AgeAsync(abandoned, TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await AgeAsync(multipart, TimeSpan.FromDays(2));

        var swept = await RunAsync(job => job.SweepAsync(CancellationToken.None));
        var removed = await RunAsync(job => job.RemoveAsync(owner.TenantId, CancellationToken.None));

        swept.ShouldContain(owner.TenantId);
        // The sweep's queued removal may have run first; between the two, both old uploads went.
        removed.ShouldBeLessThanOrEqualTo(2);
        await WaitUntilAsync(async () => (long)(await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.uploads WHERE tenant_id = $1", owner.TenantId))! == 1);
        (await app.Database.SuperuserScalarAsync("SELECT id FROM media.uploads WHERE tenant_id = $1", owner.TenantId)).ShouldBe(recent.GetProperty("id").GetGuid());
        var keys = await app.ObjectKeysAsync(owner.TenantId);
        keys.ShouldHaveSingleItem().ShouldContain(recent.GetProperty("id").GetGuid().ToString("N"));
        (await owner.Client.PostAsync($"/api/v1/media/uploads/{abandoned.GetProperty("id").GetGuid()}/complete", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.Client.PostAsync($"/api/v1/media/uploads/{recent.GetProperty("id").GetGuid()}/complete", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task A_tenant_with_only_recent_uploads_is_not_swept()
    {
        var owner = await app.RegisterAsync();
        await StartAsync(owner, 100);

        (await RunAsync(job => job.SweepAsync(CancellationToken.None))).ShouldNotContain(owner.TenantId);
        (await RunAsync(job => job.RemoveAsync(owner.TenantId, CancellationToken.None))).ShouldBe(0);
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.uploads WHERE tenant_id = $1", owner.TenantId)).ShouldBe(1L);
    }

    [Test]
    public void The_sweep_is_registered_as_a_recurring_job()
    {
        using var started = app.CreateClient();
        using var connection = app.Database.OpenSuperuser();
        using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs' AND value = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = AbandonedUploadsJob.RecurringJobId });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)command.ExecuteScalar()! == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(200);
        }
        ((long)command.ExecuteScalar()!).ShouldBe(1L);
    }

    private async Task<T> RunAsync<T>(Func<AbandonedUploadsJob, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AbandonedUploadsJob>());
    }

    private async Task AgeAsync(JsonElement upload, TimeSpan by)
    {
        await using var connection = app.Database.OpenSuperuser();
        await using var command = new Npgsql.NpgsqlCommand(
            "UPDATE media.uploads SET created_at = created_at - $2, expires_at = expires_at - $2 WHERE id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = upload.GetProperty("id").GetGuid() });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = by });
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "The abandoned uploads were not removed in time.");
            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> StartAsync(TestAccount owner, long size)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/media/uploads", new { sizeBytes = size });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html
    private static async Task<HttpResponseMessage> PutAsync(JsonElement upload, byte[] bytes)
    {
        using var plain = new HttpClient();
        return await plain.PutAsync(upload.GetProperty("uploadUrl").GetString(), new ByteArrayContent(bytes));
    }
}
