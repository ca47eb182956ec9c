using Platform.TestKit;

namespace Platform.Media.Tests;

/// <summary>Row-level security on the media tables, through the app role the host connects as.</summary>
public sealed class MediaTablesIsolationTests
{
    private MediaApp app = null!;
    private readonly Guid tenantA = Guid.NewGuid();
    private readonly Guid tenantB = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task Start()
    {
        app = MediaApp.Start(StoreKind.LocalDisk);
        _ = app.Services; // the host migrates on start
        await app.Database.ScalarAsTenantAsync(tenantA, """
            INSERT INTO media.items (id, tenant_id, kind, content_type, size_bytes, checksum_sha256, object_key, created_by, created_at)
            VALUES (gen_random_uuid(), $1, 'image', 'image/png', 10, repeat('a', 64), 'tenants/a/media/x/original', gen_random_uuid(), now())
            """, tenantA);
        await app.Database.ScalarAsTenantAsync(tenantA, """
            INSERT INTO media.uploads (id, tenant_id, declared_bytes, object_key, created_by, created_at, expires_at)
            VALUES (gen_random_uuid(), $1, 10, 'tenants/a/media/y/original', gen_random_uuid(), now(), now() + interval '1 hour')
            """, tenantA);
        await app.Database.ScalarAsTenantAsync(tenantA, "INSERT INTO media.usage (tenant_id, used_bytes, file_count) VALUES ($1, 10, 1)", tenantA);
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [TestCase("media.items")]
    [TestCase("media.usage")]
    [TestCase("media.uploads")]
    public Task Another_tenant_sees_no_rows_and_cannot_change_them(string table) =>
        TenantIsolation.AssertIsolatedAsync(app.Database, table, tenantA, tenantB);

    [Test]
    public Task Writing_a_row_for_another_tenant_is_rejected() =>
        TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB, "INSERT INTO media.usage (tenant_id) VALUES ($1)", Guid.NewGuid());
}
