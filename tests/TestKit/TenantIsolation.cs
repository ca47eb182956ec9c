using Npgsql;
using Shouldly;

namespace Platform.TestKit;

/// <summary>
/// The cross-tenant checks every tenant table gets, run as the app role the host connects as, each statement in a unit
/// of work with <c>app.tenant_id</c> set (as <see cref="TestDatabase.ScalarAsTenantAsync"/> does).
/// </summary>
public static class TenantIsolation
{
    /// <summary>
    /// <paramref name="owner"/> has rows in <paramref name="table"/>: it sees them and only its own; <paramref name="other"/>
    /// sees none of them and can neither change nor delete them; with no tenant set, no row at all is visible.
    /// </summary>
    public static async Task AssertIsolatedAsync(TestDatabase database, string table, Guid owner, Guid other, string tenantColumn = "tenant_id")
    {
        var ownRows = $"SELECT count(*) FROM {table} WHERE {tenantColumn} = $1";
        var owned = (long)(await database.ScalarAsTenantAsync(owner, ownRows, owner))!;
        owned.ShouldBeGreaterThan(0, $"{table} needs a row of the owner tenant to check isolation with.");
        (await database.ScalarAsTenantAsync(owner, $"SELECT count(*) FROM {table} WHERE {tenantColumn} <> $1", owner))
            .ShouldBe(0L, $"the owner tenant sees another tenant's rows in {table}");

        (await database.ScalarAsTenantAsync(other, ownRows, owner)).ShouldBe(0L, $"another tenant sees the owner's rows in {table}");
        (await database.ScalarAsTenantAsync(other, $"UPDATE {table} SET {tenantColumn} = {tenantColumn} WHERE {tenantColumn} = $1 RETURNING 1", owner))
            .ShouldBeNull($"another tenant updated the owner's rows in {table}");
        (await database.ScalarAsTenantAsync(other, $"DELETE FROM {table} WHERE {tenantColumn} = $1 RETURNING 1", owner))
            .ShouldBeNull($"another tenant deleted the owner's rows in {table}");
        (await database.ScalarAsTenantAsync(owner, ownRows, owner)).ShouldBe(owned, $"the owner's rows in {table} changed");

        await using var connection = database.OpenApp();
        await using var noTenant = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        (await noTenant.ExecuteScalarAsync()).ShouldBe(0L, $"rows of {table} are visible with no tenant set");
    }

    /// <summary><paramref name="sql"/> run as <paramref name="tenant"/> writes another tenant's row: row-level security refuses it.</summary>
    public static async Task AssertWriteRefusedAsync(TestDatabase database, Guid tenant, string sql, params object[] values)
    {
        var refusal = await Should.ThrowAsync<PostgresException>(() => database.ScalarAsTenantAsync(tenant, sql, values));
        refusal.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }
}
