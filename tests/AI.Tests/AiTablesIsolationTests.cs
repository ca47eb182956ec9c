using Npgsql;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>Row-level security on the AI tables, through the app role the host connects as.</summary>
public sealed class AiTablesIsolationTests
{
    private AiApp app = null!;
    private Guid tenantA;
    private Guid tenantB;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new AiApp();
        tenantA = await app.CreateTenantAsync();
        tenantB = await app.CreateTenantAsync();
        await ExecuteAsync(tenantA, "INSERT INTO ai.ai_requests (id, tenant_id, type, status, input) VALUES (gen_random_uuid(), $1, 'CAPTION', 'COMPLETED', '{}')", tenantA);
        await ExecuteAsync(tenantA, "INSERT INTO ai.prompt_templates (id, tenant_id, name, body) VALUES (gen_random_uuid(), $1, 'Launch', 'Body')", tenantA);
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [TestCase("ai.ai_requests")]
    [TestCase("ai.prompt_templates")]
    public async Task Another_tenant_sees_no_rows_and_cannot_change_them(string table)
    {
        (await ExecuteAsync(tenantA, $"SELECT count(*) FROM {table}")).ShouldBe(1L);
        (await ExecuteAsync(tenantB, $"SELECT count(*) FROM {table}")).ShouldBe(0L);
        (await ExecuteAsync(tenantB, $"UPDATE {table} SET tenant_id = tenant_id RETURNING 1")).ShouldBeNull();
        (await ExecuteAsync(tenantB, $"DELETE FROM {table} RETURNING 1")).ShouldBeNull();
        (await ExecuteAsync(tenantA, $"SELECT count(*) FROM {table}")).ShouldBe(1L);
    }

    [Test]
    public async Task Writing_a_row_for_another_tenant_is_rejected()
    {
        var error = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(tenantB,
            "INSERT INTO ai.ai_requests (id, tenant_id, type, status, input) VALUES (gen_random_uuid(), $1, 'CAPTION', 'PENDING', '{}')", tenantA));
        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);

        var template = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(tenantB,
            "INSERT INTO ai.prompt_templates (id, tenant_id, name, body) VALUES (gen_random_uuid(), $1, 'Sneaky', 'Body')", tenantA));
        template.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Test]
    public async Task With_no_tenant_set_nothing_is_visible()
    {
        await using var connection = app.Database.OpenApp();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM ai.ai_requests", connection);
        (await command.ExecuteScalarAsync()).ShouldBe(0L);
    }

    private Task<object?> ExecuteAsync(Guid tenant, string sql, params object[] parameters) => app.Database.ScalarAsTenantAsync(tenant, sql, parameters);
}
