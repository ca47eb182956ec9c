using Npgsql;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Tenancy;

/// <summary>
/// Checks the catalog rather than trusting each migration: every table of a module schema is under forced RLS
/// with a policy on the tenant setting, unless it is on the short list of global tables; the app role is powerless.
/// </summary>
public sealed class DatabaseCatalogTests : MigratedDatabaseFixture
{
    /// <summary>Tables deliberately outside RLS. Each must hold no tenant's content, or only behind narrow functions.</summary>
    private static readonly string[] GlobalTables =
    [
        // The due index: target ids and due times only, claimed across tenants by the dispatcher (ADR 0002).
        "posts.publish_queue",
    ];

    private static readonly string[] ModuleSchemas = ["tenants", "users", "social_accounts", "posts", "ai", "analytics", "media"];

    [Test]
    public async Task Every_module_table_has_forced_row_level_security_and_a_tenant_policy()
    {
        await using var connection = Database.OpenOwner();
        await using var command = new NpgsqlCommand("""
            SELECT n.nspname || '.' || c.relname,
                   c.relrowsecurity, c.relforcerowsecurity,
                   EXISTS (SELECT 1 FROM pg_policies p
                           WHERE p.schemaname = n.nspname AND p.tablename = c.relname
                             AND p.qual LIKE '%app.tenant_id%' AND p.with_check LIKE '%app.tenant_id%')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ModuleSchemas });
        await using var reader = await command.ExecuteReaderAsync();
        var unprotected = new List<string>();
        var tables = 0;
        while (await reader.ReadAsync())
        {
            tables++;
            var table = reader.GetString(0);
            if (GlobalTables.Contains(table))
            {
                continue;
            }
            if (!reader.GetBoolean(1) || !reader.GetBoolean(2) || !reader.GetBoolean(3))
            {
                unprotected.Add(table);
            }
        }

        tables.ShouldBeGreaterThan(0);
        unprotected.ShouldBeEmpty();
    }

    [Test]
    public async Task The_app_role_is_not_superuser_cannot_bypass_rls_and_owns_nothing()
    {
        await using var connection = Database.OpenApp();
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid),
                   (SELECT count(*) FROM pg_namespace n WHERE n.nspowner = r.oid)
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();

        reader.GetBoolean(0).ShouldBeFalse("superuser");
        reader.GetBoolean(1).ShouldBeFalse("BYPASSRLS");
        reader.GetBoolean(2).ShouldBeFalse("CREATEROLE");
        reader.GetBoolean(3).ShouldBeFalse("CREATEDB");
        reader.GetInt64(4).ShouldBe(0, "owned relations");
        reader.GetInt64(5).ShouldBe(0, "owned schemas");
    }

    [Test]
    public async Task The_app_role_cannot_change_the_schema()
    {
        await using var connection = Database.OpenApp();
        await using var command = new NpgsqlCommand("ALTER TABLE tenants.tenants DISABLE ROW LEVEL SECURITY", connection);

        var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }
}
