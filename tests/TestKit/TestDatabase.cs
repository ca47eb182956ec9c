using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Platform.TestKit;

/// <summary>
/// A fresh database of its own for one test fixture, on the PostgreSQL that scripts/services.sh started,
/// reached with the same roles as production: the owner migrates, the app role is bound by RLS.
/// </summary>
public sealed class TestDatabase
{
    private static readonly IConfiguration Defaults = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
        .AddEnvironmentVariables()
        .Build();

    public TestDatabase()
    {
        Name = "platform_test_" + Guid.NewGuid().ToString("N")[..12];
        AppConnectionString = WithDatabase("Platform", Name);
        OwnerConnectionString = WithDatabase("Owner", Name);
        AdminConnectionString = WithDatabase("Admin", "postgres");
    }

    public string Name { get; }
    public string AppConnectionString { get; }
    public string OwnerConnectionString { get; }
    public string AdminConnectionString { get; }
    public static string RedisConnectionString => Defaults.GetConnectionString("Redis")!;

    public NpgsqlConnection OpenApp() => Open(AppConnectionString);

    public NpgsqlConnection OpenOwner() => Open(OwnerConnectionString);

    /// <summary>The cluster's superuser on this database: sees every tenant, for assertions only.</summary>
    public NpgsqlConnection OpenSuperuser() => Open(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = Name }.ConnectionString);

    /// <summary>Runs <paramref name="sql"/> as the superuser (every tenant's rows), for assertions and set-up only.</summary>
    public async Task<object?> SuperuserScalarAsync(string sql, params object[] values)
    {
        await using var connection = OpenSuperuser();
        return await ScalarAsync(connection, null, sql, values);
    }

    /// <summary>Runs <paramref name="sql"/> as the app role inside <paramref name="tenantId"/>'s unit of work, as the host would, and commits.</summary>
    public async Task<object?> ScalarAsTenantAsync(Guid tenantId, string sql, params object[] values)
    {
        await using var connection = OpenApp();
        await using var transaction = await connection.BeginTransactionAsync();
        await ScalarAsync(connection, transaction, "SELECT set_config('app.tenant_id', $1, true)", tenantId.ToString());
        var result = await ScalarAsync(connection, transaction, sql, values);
        await transaction.CommitAsync();
        return result;
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = Open(AdminConnectionString);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }

    private static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static string WithDatabase(string name, string database) =>
        new NpgsqlConnectionStringBuilder(Defaults.GetConnectionString(name)) { Database = database }.ConnectionString;
}
