using Platform.TestKit;

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
    public Task Another_tenant_sees_no_rows_and_cannot_change_them(string table) =>
        TenantIsolation.AssertIsolatedAsync(app.Database, table, tenantA, tenantB);

    [Test]
    public async Task Writing_a_row_for_another_tenant_is_rejected()
    {
        await TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB,
            "INSERT INTO ai.ai_requests (id, tenant_id, type, status, input) VALUES (gen_random_uuid(), $1, 'CAPTION', 'PENDING', '{}')", tenantA);
        await TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB,
            "INSERT INTO ai.prompt_templates (id, tenant_id, name, body) VALUES (gen_random_uuid(), $1, 'Sneaky', 'Body')", tenantA);
    }

    private Task<object?> ExecuteAsync(Guid tenant, string sql, params object[] parameters) => app.Database.ScalarAsTenantAsync(tenant, sql, parameters);
}
