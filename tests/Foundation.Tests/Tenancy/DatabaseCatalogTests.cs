using Npgsql;
using Platform.SharedKernel.Modules;
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

    /// <summary>Every module's schema, as the host's module catalog names them.</summary>
    private static readonly string[] ModuleSchemas = [.. ModuleCatalog.DiscoverInstalled().Select(m => m.Name)];

    /// <summary>The policy <c>platform_tenancy.isolate</c> creates, as PostgreSQL prints it, for a tenant column.</summary>
    private static string IsolationPolicy(string column) =>
        $"({column} = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)";

    [Test]
    public async Task Every_module_table_is_isolated_the_one_way_and_no_other_policy_lets_the_app_role_see_more()
    {
        var unprotected = new List<string>();
        var tables = 0;
        foreach (var table in await TablesAsync())
        {
            tables++;
            if (GlobalTables.Contains(table.Name))
            {
                continue;
            }
            var column = table.Name == "tenants.tenants" ? "id" : "tenant_id";
            var isolation = table.Policies.Where(p => p.Name == "tenant_isolation").ToList();
            // Policies for the owner role alone (narrow look-ups in SECURITY DEFINER functions) never apply to the app role.
            var others = table.Policies.Where(p => p.Name != "tenant_isolation" && p.Roles.Any(r => r is "public" or "platform_app")).ToList();
            if (!table.Enabled || !table.Forced || isolation is not [{ Permissive: true } policy]
                || policy.Qual != IsolationPolicy(column) || policy.WithCheck != IsolationPolicy(column) || !policy.Roles.SequenceEqual(["public"])
                || others.Count > 0)
            {
                unprotected.Add(table.Name);
            }
        }

        tables.ShouldBeGreaterThan(0);
        unprotected.ShouldBeEmpty();
    }

    [Test]
    public async Task The_isolation_helper_makes_exactly_the_policy_the_catalog_test_expects()
    {
        await using var connection = Database.OpenOwner();
        await using (var create = new NpgsqlCommand("""
            DROP TABLE IF EXISTS platform_tenancy.helper_probe;
            CREATE TABLE platform_tenancy.helper_probe (id int, tenant_id uuid);
            CALL platform_tenancy.isolate('platform_tenancy.helper_probe');
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("""
            SELECT c.relrowsecurity, c.relforcerowsecurity, p.qual, p.with_check
            FROM pg_class c JOIN pg_policies p ON p.schemaname = 'platform_tenancy' AND p.tablename = c.relname
            WHERE c.oid = 'platform_tenancy.helper_probe'::regclass AND p.policyname = 'tenant_isolation'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();

        reader.GetBoolean(0).ShouldBeTrue();
        reader.GetBoolean(1).ShouldBeTrue();
        reader.GetString(2).ShouldBe(IsolationPolicy("tenant_id"));
        reader.GetString(3).ShouldBe(IsolationPolicy("tenant_id"));
    }

    [Test]
    public async Task The_app_role_cannot_call_the_isolation_helper()
    {
        await using var connection = Database.OpenApp();
        await using var command = new NpgsqlCommand("CALL platform_tenancy.isolate('tenants.tenants')", connection);

        (await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync())).SqlState.ShouldBe("42501");
    }

    private sealed record Policy(string Name, string[] Roles, bool Permissive, string? Qual, string? WithCheck);

    private sealed record Table(string Name, bool Enabled, bool Forced, List<Policy> Policies);

    private async Task<List<Table>> TablesAsync()
    {
        await using var connection = Database.OpenOwner();
        await using var command = new NpgsqlCommand("""
            SELECT n.nspname || '.' || c.relname, c.relrowsecurity, c.relforcerowsecurity,
                   p.policyname, p.roles::text[], p.permissive = 'PERMISSIVE', p.qual, p.with_check
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_policies p ON p.schemaname = n.nspname AND p.tablename = c.relname
            WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1)
            ORDER BY 1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ModuleSchemas });
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new Dictionary<string, Table>();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (!tables.TryGetValue(name, out var table))
            {
                tables[name] = table = new Table(name, reader.GetBoolean(1), reader.GetBoolean(2), []);
            }
            if (!reader.IsDBNull(3))
            {
                table.Policies.Add(new Policy(reader.GetString(3), reader.GetFieldValue<string[]>(4), reader.GetBoolean(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }
        return [.. tables.Values];
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
