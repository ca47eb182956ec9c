using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Media.Quotas;
using Platform.SharedKernel.Data;
using Platform.TestKit;
using Shouldly;

namespace Platform.Media.Tests;

/// <summary>Quota is reserved before the bytes are stored, and given back when the file cannot be kept.</summary>
public sealed class QuotaReservationTests
{
    private MediaApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = MediaApp.Start(StoreKind.LocalDisk);

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task An_upload_the_store_cannot_write_gives_its_reserved_quota_back()
    {
        var owner = await app.RegisterAsync();
        // A file where the tenant's folder should be: the store fails after the quota was reserved.
        Directory.CreateDirectory(Path.Combine(app.LocalRoot, "tenants"));
        await File.WriteAllTextAsync(Path.Combine(app.LocalRoot, "tenants", owner.TenantId.ToString("N")), "in the way");

        var response = await owner.Client.PostAsync("/api/v1/media", MediaApp.Form(TestFiles.NoisePng(20, 20)));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await app.Database.SuperuserScalarAsync("SELECT used_bytes FROM media.usage WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
        (await app.Database.SuperuserScalarAsync("SELECT file_count FROM media.usage WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0);
        (await app.Database.SuperuserScalarAsync("SELECT count(*) FROM media.items WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
    }

    [Test]
    public async Task The_first_upload_of_a_tenant_creates_its_usage_row_within_the_limits()
    {
        var owner = await app.RegisterAsync();
        var png = TestFiles.NoisePng(20, 20);

        (await owner.Client.PostAsync("/api/v1/media", MediaApp.Form(png))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await app.Database.SuperuserScalarAsync("SELECT used_bytes FROM media.usage WHERE tenant_id = $1", owner.TenantId)).ShouldBe((long)png.Length);
        (await app.Database.SuperuserScalarAsync("SELECT file_count FROM media.usage WHERE tenant_id = $1", owner.TenantId)).ShouldBe(1);
    }

    [Test]
    public async Task Uploads_beyond_the_configured_number_wait_their_turn_for_a_connection_instead_of_failing()
    {
        var owner = await app.RegisterAsync();
        var queue = new UploadDatabaseQueue(2, app.Services.GetRequiredService<IServiceScopeFactory>());
        var running = 0;
        var mostAtOnce = 0;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => queue.RunAsync(owner.TenantId, async services =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            await using var command = await services.GetRequiredService<DbSession>().CreateCommandAsync("SELECT pg_sleep(0.05)", CancellationToken.None);
            await command.ExecuteNonQueryAsync();
            Interlocked.Decrement(ref running);
            return true;
        }, CancellationToken.None)));

        answers.ShouldAllBe(done => done);
        mostAtOnce.ShouldBe(2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
