using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Tenancy;

/// <summary>
/// Isolation proved in the database itself, through the app role the host connects as, with queries that
/// deliberately forget their tenant filter.
/// </summary>
public sealed class RowLevelSecurityTests
{
    private TestDatabase database = null!;
    private readonly Guid tenantA = Guid.NewGuid();
    private readonly Guid tenantB = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        database = await MigratedDatabase.CreateAsync();
        foreach (var (tenant, name) in new[] { (tenantA, "Alpha"), (tenantB, "Beta") })
        {
            await using var session = Session(database.AppConnectionString, tenant);
            await session.BeginAsync();
            await ExecuteAsync(session, "INSERT INTO tenants.tenants (id, name) VALUES ($1, $2)", tenant, name);
            await session.CommitAsync();
        }
    }

    [OneTimeTearDown]
    public Task DropDatabase() => database.DropAsync();

    [Test]
    public async Task A_query_without_a_tenant_filter_sees_only_the_current_tenant()
    {
        await using var session = Session(database.AppConnectionString, tenantA);
        await session.BeginAsync();

        var names = await NamesAsync(session);

        names.ShouldBe(["Alpha"]);
    }

    [Test]
    public async Task With_no_tenant_set_nothing_is_visible()
    {
        await using var session = Session(database.AppConnectionString, tenant: null);
        await session.BeginAsync();

        (await NamesAsync(session)).ShouldBeEmpty();
    }

    [Test]
    public async Task Inserting_a_row_of_another_tenant_is_rejected()
    {
        await using var session = Session(database.AppConnectionString, tenantA);
        await session.BeginAsync();

        var error = await Should.ThrowAsync<PostgresException>(() =>
            ExecuteAsync(session, "INSERT INTO tenants.tenants (id, name) VALUES ($1, 'Intruder')", Guid.NewGuid()));

        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Test]
    public async Task Updating_a_row_into_another_tenant_is_rejected()
    {
        await using var session = Session(database.AppConnectionString, tenantA);
        await session.BeginAsync();

        var error = await Should.ThrowAsync<PostgresException>(() =>
            ExecuteAsync(session, "UPDATE tenants.tenants SET id = $1", tenantB));

        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Test]
    public async Task Another_tenants_rows_cannot_be_updated_or_deleted()
    {
        await using var session = Session(database.AppConnectionString, tenantA);
        await session.BeginAsync();

        (await ExecuteAsync(session, "UPDATE tenants.tenants SET name = 'Hijacked' WHERE id = $1", tenantB)).ShouldBe(0);
        (await ExecuteAsync(session, "DELETE FROM tenants.tenants WHERE id = $1", tenantB)).ShouldBe(0);
    }

    // The host skips the pool's reset on close (TunedDataSource): the tenant must not survive without it either.
    [TestCase(false)]
    [TestCase(true)]
    public async Task A_pooled_connection_does_not_carry_the_previous_tenant_over(bool noResetOnClose)
    {
        // One physical connection, so the second and third units of work reuse the first one's session.
        var singleConnection = new NpgsqlConnectionStringBuilder(database.AppConnectionString) { MaxPoolSize = 1, NoResetOnClose = noResetOnClose }.ConnectionString;
        int firstBackend;
        await using (var first = Session(singleConnection, tenantA))
        {
            await first.BeginAsync();
            (await NamesAsync(first)).ShouldBe(["Alpha"]);
            firstBackend = first.Connection.ProcessID;
            await first.CommitAsync();
        }

        await using (var anonymous = Session(singleConnection, tenant: null))
        {
            await anonymous.BeginAsync();
            anonymous.Connection.ProcessID.ShouldBe(firstBackend);
            (await NamesAsync(anonymous)).ShouldBeEmpty();
        }

        await using var second = Session(singleConnection, tenantB);
        await second.BeginAsync();
        second.Connection.ProcessID.ShouldBe(firstBackend);
        (await NamesAsync(second)).ShouldBe(["Beta"]);
    }

    private static DbSession Session(string connectionString, Guid? tenant)
    {
        var context = new TenantContext();
        if (tenant is { } id)
        {
            context.Set(id);
        }
        return new DbSession(DataSources.For(connectionString), context);
    }

    private static async Task<List<string>> NamesAsync(DbSession session)
    {
        await using var command = await session.CreateCommandAsync("SELECT name FROM tenants.tenants ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task<int> ExecuteAsync(DbSession session, string sql, params object[] values)
    {
        await using var command = await session.CreateCommandAsync(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return await command.ExecuteNonQueryAsync();
    }
}
