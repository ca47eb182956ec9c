using Npgsql;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Tenancy;

/// <summary>
/// The tenants table through the shared cross-tenant check, and the check itself shown to fail on a table that row-level
/// security does not cover, so a green isolation test elsewhere means something.
/// </summary>
public sealed class TenantIsolationTests : MigratedDatabaseFixture
{
    private readonly Guid tenantA = Guid.NewGuid();
    private readonly Guid tenantB = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task CreateTenants()
    {
        await Database.ScalarAsTenantAsync(tenantA, "INSERT INTO tenants.tenants (id, name) VALUES ($1, 'Alpha')", tenantA);
        await Database.ScalarAsTenantAsync(tenantB, "INSERT INTO tenants.tenants (id, name) VALUES ($1, 'Beta')", tenantB);
    }

    [Test]
    public async Task A_tenant_sees_only_its_own_row_and_cannot_change_another()
    {
        await TenantIsolation.AssertIsolatedAsync(Database, "tenants.tenants", tenantA, tenantB, tenantColumn: "id");
        await TenantIsolation.AssertWriteRefusedAsync(Database, tenantB, "INSERT INTO tenants.tenants (id, name) VALUES ($1, 'Intruder')", Guid.NewGuid());
    }

    [Test]
    public async Task The_check_fails_on_a_table_without_row_level_security_and_passes_once_it_is_isolated()
    {
        await OwnerAsync($"""
            DROP TABLE IF EXISTS platform_tenancy.isolation_probe;
            CREATE TABLE platform_tenancy.isolation_probe (id int, tenant_id uuid);
            GRANT SELECT, INSERT, UPDATE, DELETE ON platform_tenancy.isolation_probe TO "{new NpgsqlConnectionStringBuilder(Database.AppConnectionString).Username}";
            INSERT INTO platform_tenancy.isolation_probe VALUES (1, '{tenantA}');
            """);

        (await PassesAsync(() => TenantIsolation.AssertIsolatedAsync(Database, "platform_tenancy.isolation_probe", tenantA, tenantB))).ShouldBeFalse();
        (await PassesAsync(() => TenantIsolation.AssertWriteRefusedAsync(Database, tenantB,
            "INSERT INTO platform_tenancy.isolation_probe VALUES (2, $1)", tenantA))).ShouldBeFalse();
        await OwnerAsync("DELETE FROM platform_tenancy.isolation_probe WHERE id = 2; CALL platform_tenancy.isolate('platform_tenancy.isolation_probe')");

        await TenantIsolation.AssertIsolatedAsync(Database, "platform_tenancy.isolation_probe", tenantA, tenantB);
        await TenantIsolation.AssertWriteRefusedAsync(Database, tenantB, "INSERT INTO platform_tenancy.isolation_probe VALUES (2, $1)", tenantA);
    }

    /// <summary>Whether a check passes; Shouldly's own assertion failures are not caught by <c>Should.ThrowAsync</c>.</summary>
    private static async Task<bool> PassesAsync(Func<Task> check)
    {
        try
        {
            await check();
            return true;
        }
        catch (ShouldAssertException)
        {
            return false;
        }
    }

    private async Task OwnerAsync(string sql)
    {
        await using var connection = Database.OpenOwner();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
