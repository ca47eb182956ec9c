using System.Data.Common;
using Npgsql;

namespace Platform.Host.Database;

/// <summary>
/// Builds the app's data source with two defaults a connection string may override: statements the app repeats
/// are auto-prepared (PostgreSQL skips parse and plan), and a pooled connection is not reset on close. Skipping
/// the reset is safe here because the unit of work keeps no session state: the tenant is transaction-local.
/// </summary>
internal static class TunedDataSource
{
    public const int DefaultMaxAutoPrepare = 64;

    public static NpgsqlDataSource Build(string connectionString) => For(connectionString).Build();

    public static NpgsqlDataSourceBuilder For(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet();
        if (!given.Contains("maxautoprepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }
        if (!given.Contains("noresetonclose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }
        return builder;
    }
}
