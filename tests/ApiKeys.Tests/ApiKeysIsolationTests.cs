using Npgsql;
using Platform.TestKit;
using Shouldly;

namespace Platform.ApiKeys.Tests;

/// <summary>Row-level security on the keys table, and the one narrow path to a key before its tenant is known.</summary>
public sealed class ApiKeysIsolationTests
{
    private const string InsertKey = """
        INSERT INTO api_keys.keys (id, tenant_id, name, scopes, secret_hash, created_by, created_at)
        VALUES ($1, $2, 'CI', ARRAY['posts:read'], sha256(gen_random_uuid()::text::bytea), gen_random_uuid(), now())
        """;

    private PlatformApp app = null!;
    private readonly Guid tenantA = Guid.NewGuid();
    private readonly Guid tenantB = Guid.NewGuid();
    private readonly Guid keyA = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp();
        _ = app.Services; // the host migrates on start
        await app.Database.ScalarAsTenantAsync(tenantA, InsertKey, keyA, tenantA);
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public Task Another_tenant_sees_no_keys_and_cannot_change_them() =>
        TenantIsolation.AssertIsolatedAsync(app.Database, "api_keys.keys", tenantA, tenantB);

    [Test]
    public Task Writing_a_key_for_another_tenant_is_rejected() =>
        TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB, InsertKey, Guid.NewGuid(), tenantA);

    [Test]
    public async Task The_app_role_finds_a_key_by_its_id_alone_only_through_the_lookup_function_and_never_a_revoked_one()
    {
        await using var connection = app.Database.OpenApp();
        await using (var lookup = new NpgsqlCommand("SELECT tenant_id FROM api_keys.key_for_authentication($1)", connection) { Parameters = { new() { Value = keyA } } })
        {
            (await lookup.ExecuteScalarAsync()).ShouldBe(tenantA);
        }
        await using (var unknown = new NpgsqlCommand("SELECT count(*) FROM api_keys.key_for_authentication($1)", connection) { Parameters = { new() { Value = Guid.NewGuid() } } })
        {
            (await unknown.ExecuteScalarAsync()).ShouldBe(0L);
        }

        var revoked = Guid.NewGuid();
        await app.Database.ScalarAsTenantAsync(tenantA, InsertKey, revoked, tenantA);
        await app.Database.ScalarAsTenantAsync(tenantA, "UPDATE api_keys.keys SET revoked_at = now() WHERE id = $1", revoked);
        await using var revokedLookup = new NpgsqlCommand("SELECT count(*) FROM api_keys.key_for_authentication($1)", connection) { Parameters = { new() { Value = revoked } } };
        (await revokedLookup.ExecuteScalarAsync()).ShouldBe(0L);
    }
}
