using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.UnitOfWork;

/// <summary>
/// The tenant rides with EF's commands instead of costing a round trip of its own; read-only units of work have no
/// transaction. Row-level security must hold exactly as it does with a separate set_config.
/// </summary>
public sealed class SessionTenantTests : MigratedDatabaseFixture
{
    private readonly Guid tenantA = Guid.NewGuid();
    private readonly Guid tenantB = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task AddTenants()
    {
        foreach (var (tenant, name) in new[] { (tenantA, "Alpha"), (tenantB, "Beta") })
        {
            await Database.SuperuserScalarAsync("INSERT INTO tenants.tenants (id, name) VALUES ($1, $2)", tenant, name);
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task An_EF_query_without_a_tenant_filter_sees_only_the_current_tenant(bool readOnly)
    {
        await using var scope = Scope(Database.AppConnectionString, tenantA, out var sent);
        await BeginAsync(scope, readOnly);

        (await Names(scope)).ShouldBe(["Alpha"]);

        sent.ShouldHaveSingleItem().ShouldStartWith("CALL platform_session.enter(");
    }

    [Test]
    public async Task Within_a_transaction_only_the_first_command_carries_the_tenant()
    {
        await using var scope = Scope(Database.AppConnectionString, tenantA, out var sent);
        await BeginAsync(scope, readOnly: false);

        (await Names(scope)).ShouldBe(["Alpha"]);
        (await Names(scope)).ShouldBe(["Alpha"]);

        sent.Count.ShouldBe(2);
        sent[0].ShouldStartWith("CALL platform_session.enter(");
        sent[1].ShouldNotContain("platform_session");
    }

    [Test]
    public async Task A_read_only_unit_of_work_opens_no_transaction_and_each_query_carries_the_tenant()
    {
        await using var scope = Scope(Database.AppConnectionString, tenantB, out var sent);
        var session = await BeginAsync(scope, readOnly: true);

        (await Names(scope)).ShouldBe(["Beta"]);
        (await Names(scope)).ShouldBe(["Beta"]);

        session.Transaction.ShouldBeNull();
        sent.ShouldAllBe(sql => sql.StartsWith("CALL platform_session.enter("));
    }

    [Test]
    public async Task Saving_changes_in_a_read_only_unit_of_work_is_refused_and_changes_nothing()
    {
        await using var scope = Scope(Database.AppConnectionString, tenantA, out _);
        await BeginAsync(scope, readOnly: true);
        var db = scope.ServiceProvider.GetRequiredService<TenantsProbe>();
        (await db.Tenants.SingleAsync()).Name = "Renamed";

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        error.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldContain("read-only");

        (await Database.SuperuserScalarAsync("SELECT name FROM tenants.tenants WHERE id = $1", tenantA)).ShouldBe("Alpha");
    }

    [Test]
    public async Task A_bulk_update_in_a_read_only_unit_of_work_fails_in_the_database()
    {
        await using var scope = Scope(Database.AppConnectionString, tenantA, out _);
        await BeginAsync(scope, readOnly: true);
        var db = scope.ServiceProvider.GetRequiredService<TenantsProbe>();

        var error = await Should.ThrowAsync<PostgresException>(() => db.Tenants.ExecuteUpdateAsync(t => t.SetProperty(x => x.Name, "Renamed")));

        error.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
        (await Database.SuperuserScalarAsync("SELECT name FROM tenants.tenants WHERE id = $1", tenantA)).ShouldBe("Alpha");
    }

    // EF checks each statement's row count by its place in the batch, so a save that opens the unit of work applies the
    // tenant on its own; the policies must still see it (without a tenant the update would match no row).
    [Test]
    public async Task A_save_that_opens_a_unit_of_work_runs_under_the_tenant()
    {
        await using var scope = Scope(Database.AppConnectionString, tenantA, out var sent);
        await BeginAsync(scope, readOnly: false);
        var db = scope.ServiceProvider.GetRequiredService<TenantsProbe>();
        db.Tenants.Attach(new TenantRow { Id = tenantA, Name = "Alpha" }).Property(t => t.Name).IsModified = true;
        db.Tenants.Add(new TenantRow { Id = tenantB, Name = "Overwrite" });

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        error.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        sent.ShouldHaveSingleItem().ShouldNotContain("platform_session");
    }

    [Test]
    public async Task A_save_that_opens_a_unit_of_work_changes_the_tenants_own_rows()
    {
        await using var scope = Scope(Database.AppConnectionString, tenantA, out _);
        await BeginAsync(scope, readOnly: false);
        var db = scope.ServiceProvider.GetRequiredService<TenantsProbe>();
        db.Tenants.Attach(new TenantRow { Id = tenantA, Name = "Alpha" }).Property(t => t.Name).IsModified = true;

        (await db.SaveChangesAsync()).ShouldBe(1);
    }

    [Test]
    public async Task A_raw_command_in_a_read_only_unit_of_work_runs_read_only_under_the_tenant()
    {
        await using var scope = Scope(Database.AppConnectionString, tenantA, out _);
        var session = await BeginAsync(scope, readOnly: true);

        await using (var read = await session.CreateCommandAsync("SELECT name FROM tenants.tenants"))
        {
            (await read.ExecuteScalarAsync()).ShouldBe("Alpha");
        }
        await using var write = await session.CreateCommandAsync("UPDATE tenants.tenants SET name = 'Renamed'");

        var error = await Should.ThrowAsync<PostgresException>(() => write.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
        (await Database.SuperuserScalarAsync("SELECT count(*) FROM tenants.tenants WHERE name = 'Renamed'")).ShouldBe(0L);
    }

    // One physical connection, reset skipped on close as the host does: neither the tenant nor read-only may survive.
    [Test]
    public async Task A_pooled_connection_carries_neither_tenant_nor_read_only_into_the_next_unit_of_work()
    {
        var singleConnection = new NpgsqlConnectionStringBuilder(Database.AppConnectionString) { MaxPoolSize = 1, NoResetOnClose = true }.ConnectionString;
        await using (var first = Scope(singleConnection, tenantA, out _))
        {
            await BeginAsync(first, readOnly: true);
            (await Names(first)).ShouldBe(["Alpha"]);
        }

        await using (var anonymous = Scope(singleConnection, tenant: null, out _))
        {
            await BeginAsync(anonymous, readOnly: true);
            (await Names(anonymous)).ShouldBeEmpty();
        }

        await using var writer = Scope(singleConnection, tenantB, out _);
        var session = await BeginAsync(writer, readOnly: false);
        var db = writer.ServiceProvider.GetRequiredService<TenantsProbe>();
        (await db.Tenants.SingleAsync()).Name = "Beta renamed";
        await db.SaveChangesAsync();
        await session.CommitAsync();
        (await Database.SuperuserScalarAsync("SELECT name FROM tenants.tenants WHERE id = $1", tenantB)).ShouldBe("Beta renamed");
        await Database.SuperuserScalarAsync("UPDATE tenants.tenants SET name = 'Beta' WHERE id = $1", tenantB);
    }

    private static async Task<DbSession> BeginAsync(AsyncServiceScope scope, bool readOnly)
    {
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        scope.ServiceProvider.GetRequiredService<TenantsProbe>();
        if (readOnly)
        {
            await session.BeginReadOnlyAsync();
        }
        else
        {
            await session.BeginAsync();
        }
        return session;
    }

    private static async Task<List<string>> Names(AsyncServiceScope scope) => await scope.ServiceProvider.GetRequiredService<TenantsProbe>().Tenants.OrderBy(t => t.Name).Select(t => t.Name).ToListAsync();

    private static AsyncServiceScope Scope(string connectionString, Guid? tenant, out List<string> sent)
    {
        var recorder = new SentCommands();
        sent = recorder.Texts;
        var services = new ServiceCollection();
        services.AddSingleton(DataSources.For(connectionString));
        // Registered after the session's own interceptor, so it sees the text as it goes to the server.
        services.AddModuleDbContext<TenantsProbe>((options, _) => options.AddInterceptors(recorder));
        var scope = services.BuildServiceProvider().CreateAsyncScope();
        if (tenant is { } id)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(id);
        }
        return scope;
    }

    internal sealed class TenantRow
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
    }

    internal sealed class TenantsProbe(DbContextOptions<TenantsProbe> options) : DbContext(options)
    {
        public DbSet<TenantRow> Tenants => Set<TenantRow>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<TenantRow>().ToTable("tenants", "tenants");
    }

    private sealed class SentCommands : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
