using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Audit.Contracts;
using Platform.Audit.Retention;
using Platform.SharedKernel.Data;
using Platform.TestKit;
using Shouldly;

namespace Platform.Audit.Tests;

/// <summary>
/// What the database holds the log to: an entry commits or rolls back with the change in its unit of work, the app role
/// may only append and read (its tenant's rows), and only the retention function deletes, and only old rows.
/// </summary>
public sealed class AuditStorageTests
{
    private const string InsertEntry = """
        INSERT INTO audit.entries (id, tenant_id, occurred_at, actor_kind, action, resource_type)
        VALUES ($1, $2, now(), 'System', 'user.created', 'user')
        """;

    private PlatformApp app = null!;
    private TestAccount owner = null!;
    private TestAccount other = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = AuditHost.Start();
        owner = await app.RegisterAsync(tenantName: "Audited");
        other = await app.RegisterAsync(tenantName: "Other");
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task An_entry_commits_with_its_change_and_rolls_back_with_it()
    {
        var kept = Guid.NewGuid();
        await ChangeAndRecordAsync("Renamed and recorded", kept, fail: false);
        var lost = Guid.NewGuid();
        await Should.ThrowAsync<InvalidOperationException>(() => ChangeAndRecordAsync("Renamed, then failed", lost, fail: true));

        (await CountAsync("SELECT count(*) FROM audit.entries WHERE resource_id = $1", kept)).ShouldBe(1L);
        (await app.Database.SuperuserScalarAsync("SELECT name FROM tenants.tenants WHERE id = $1", owner.TenantId)).ShouldBe("Renamed and recorded");
        (await CountAsync("SELECT count(*) FROM audit.entries WHERE resource_id = $1", lost)).ShouldBe(0L, "the entry outlived the change it described");
        var system = await CountAsync("SELECT count(*) FROM audit.entries WHERE resource_id = $1 AND actor_kind = 'System' AND tenant_id = $2", kept, owner.TenantId);
        system.ShouldBe(1L, "work outside a request is the system's, filed under its tenant");
    }

    [Test]
    public async Task The_app_role_can_neither_update_nor_delete_an_entry_not_even_its_tenants_own()
    {
        var id = Guid.NewGuid();
        await app.Database.ScalarAsTenantAsync(owner.TenantId, InsertEntry, id, owner.TenantId);

        var update = await Should.ThrowAsync<PostgresException>(() =>
            app.Database.ScalarAsTenantAsync(owner.TenantId, "UPDATE audit.entries SET action = 'user.activated' WHERE id = $1", id));
        update.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        var delete = await Should.ThrowAsync<PostgresException>(() =>
            app.Database.ScalarAsTenantAsync(owner.TenantId, "DELETE FROM audit.entries WHERE id = $1", id));
        delete.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        var truncate = await Should.ThrowAsync<PostgresException>(() => app.Database.ScalarAsTenantAsync(owner.TenantId, "TRUNCATE audit.entries"));
        truncate.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);

        (await CountAsync("SELECT count(*) FROM audit.entries WHERE id = $1 AND action = 'user.created'", id)).ShouldBe(1L);
    }

    [Test]
    public async Task Another_tenant_sees_no_entry_and_cannot_write_one_for_the_tenant()
    {
        var id = Guid.NewGuid();
        await app.Database.ScalarAsTenantAsync(owner.TenantId, InsertEntry, id, owner.TenantId);

        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM audit.entries WHERE id = $1", id)).ShouldBe(1L);
        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM audit.entries WHERE tenant_id <> $1", owner.TenantId)).ShouldBe(0L);
        (await app.Database.ScalarAsTenantAsync(other.TenantId, "SELECT count(*) FROM audit.entries WHERE tenant_id = $1", owner.TenantId)).ShouldBe(0L);
        await TenantIsolation.AssertWriteRefusedAsync(app.Database, other.TenantId, InsertEntry, Guid.NewGuid(), owner.TenantId);
        await using var connection = app.Database.OpenApp();
        await using var noTenant = new NpgsqlCommand("SELECT count(*) FROM audit.entries", connection);
        (await noTenant.ExecuteScalarAsync()).ShouldBe(0L, "entries are visible with no tenant set");

        var (items, _) = await other.ReadAuditAsync("limit=100");
        items.ShouldNotContain(e => e.GetProperty("id").GetGuid() == id);
        items.ShouldAllBe(e => e.GetProperty("actor").GetProperty("userId").ValueKind == System.Text.Json.JsonValueKind.Null
            || e.GetProperty("actor").GetProperty("userId").GetGuid() == other.UserId);
    }

    [Test]
    public async Task Retention_deletes_only_entries_older_than_the_retention_of_every_tenant()
    {
        var old = await InsertAgedAsync(owner.TenantId, TimeSpan.FromDays(400));
        var otherOld = await InsertAgedAsync(other.TenantId, TimeSpan.FromDays(366));
        var recent = await InsertAgedAsync(owner.TenantId, TimeSpan.FromDays(364));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var removed = await ActivatorUtilities.CreateInstance<AuditRetentionJob>(scope.ServiceProvider).PruneAsync(CancellationToken.None);
            removed.ShouldBeGreaterThanOrEqualTo(2L);
        }

        (await CountAsync("SELECT count(*) FROM audit.entries WHERE id = ANY($1)", new[] { old, otherOld })).ShouldBe(0L);
        (await CountAsync("SELECT count(*) FROM audit.entries WHERE id = $1", recent)).ShouldBe(1L);
        ((long)(await CountAsync("SELECT count(*) FROM audit.entries WHERE tenant_id = $1 AND occurred_at > now() - interval '1 day'", owner.TenantId))!)
            .ShouldBeGreaterThan(0L, "today's entries (the owner's sign-in) stay");
    }

    [Test]
    public async Task The_retention_function_refuses_to_keep_less_than_thirty_days_whoever_asks()
    {
        var young = await InsertAgedAsync(owner.TenantId, TimeSpan.FromDays(20));
        await using var connection = app.Database.OpenApp();
        await using var command = new NpgsqlCommand("SELECT audit.prune(1, 1000)", connection);
        await Should.ThrowAsync<PostgresException>(() => command.ExecuteScalarAsync());

        (await CountAsync("SELECT count(*) FROM audit.entries WHERE id = $1", young)).ShouldBe(1L);
    }

    private async Task ChangeAndRecordAsync(string tenantName, Guid resourceId, bool fail)
    {
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await scopes.RunAsync(owner.TenantId, async services =>
        {
            var session = services.GetRequiredService<DbSession>();
            await using (var rename = await session.CreateCommandAsync("UPDATE tenants.tenants SET name = $1", CancellationToken.None))
            {
                rename.Parameters.Add(new NpgsqlParameter { Value = tenantName });
                (await rename.ExecuteNonQueryAsync()).ShouldBe(1);
            }
            await services.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord(AuditAction.UserActivated, resourceId), CancellationToken.None);
            return fail ? throw new InvalidOperationException("The change failed after its entry was written.") : true;
        }, CancellationToken.None);
    }

    private async Task<Guid> InsertAgedAsync(Guid tenantId, TimeSpan age)
    {
        var id = Guid.NewGuid();
        await app.Database.SuperuserScalarAsync(
            "INSERT INTO audit.entries (id, tenant_id, occurred_at, actor_kind, action, resource_type) VALUES ($1, $2, now() - $3, 'System', 'user.created', 'user')",
            id, tenantId, age);
        return id;
    }

    private Task<object?> CountAsync(string sql, params object[] values) => app.Database.SuperuserScalarAsync(sql, values);
}
