using System.Security.Cryptography;
using System.Text;
using Hangfire.PostgreSql;
using Npgsql;

namespace Platform.Host.Database;

/// <summary>
/// Applies the versioned SQL scripts of <c>migrations/</c> as the owner role, each in its own transaction,
/// under an advisory lock so that hosts starting together migrate once. Safe to run again: applied scripts
/// are skipped, and one edited after it was applied stops the run.
/// </summary>
internal sealed class MigrationRunner(DatabaseOptions options, ILogger logger)
{
    public const string HangfireSchema = "hangfire";
    private const long LockKey = 0x706c6174666f726d; // "platform"

    public static string ScriptsFolder => Path.Combine(AppContext.BaseDirectory, "migrations");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await new RoleBootstrapper(options, logger).EnsureAsync(cancellationToken);

        await using var connection = new NpgsqlConnection(options.Owner);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE SCHEMA IF NOT EXISTS platform_migrations;
                CREATE TABLE IF NOT EXISTS platform_migrations.applied (
                    version text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now());
                CREATE TABLE IF NOT EXISTS platform_migrations.append_only_tables (table_name regclass PRIMARY KEY);
                """, cancellationToken);
            var applied = await LoadAppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var script in Directory.GetFiles(ScriptsFolder, "*.sql").Order(StringComparer.Ordinal))
            {
                var version = Path.GetFileNameWithoutExtension(script);
                var sql = await File.ReadAllTextAsync(script, cancellationToken);
                var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
                if (applied.TryGetValue(version, out var recorded))
                {
                    if (recorded != checksum)
                    {
                        throw new InvalidOperationException($"Migration {version} was changed after it was applied; add a new migration instead.");
                    }
                    continue;
                }
                await ApplyAsync(connection, version, sql, checksum, cancellationToken);
                logger.LogInformation("Applied migration {Version}", version);
                count++;
            }

            // Hangfire's own tables, owned by the owner role: the app role cannot run DDL.
            PostgreSqlObjectsInstaller.Install(connection, HangfireSchema);
            await GrantAppRoleAsync(connection, cancellationToken);
            return count;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string version, string sql, string checksum, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var record = new NpgsqlCommand("INSERT INTO platform_migrations.applied (version, checksum) VALUES ($1, $2)", connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = version });
            record.Parameters.Add(new NpgsqlParameter { Value = checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The app role may use every schema the owner created, with DML only; it owns nothing. A table a migration listed in
    /// <c>platform_migrations.append_only_tables</c> (an audit log) it may only read and append to.
    /// </summary>
    private async Task GrantAppRoleAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var app = RoleBootstrapper.Quote(options.AppRole.Username!);
        var schemas = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT nspname FROM pg_namespace WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND nspname <> 'platform_migrations'",
            connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                schemas.Add(reader.GetString(0));
            }
        }
        var grants = new StringBuilder();
        foreach (var schema in schemas.Select(RoleBootstrapper.Quote))
        {
            grants.AppendLine($"GRANT USAGE ON SCHEMA {schema} TO {app};");
            grants.AppendLine($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {app};");
            grants.AppendLine($"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {app};");
            grants.AppendLine($"GRANT EXECUTE ON ALL ROUTINES IN SCHEMA {schema} TO {app};");
        }
        foreach (var table in await LoadAppendOnlyTablesAsync(connection, cancellationToken))
        {
            grants.AppendLine($"REVOKE UPDATE, DELETE, TRUNCATE ON TABLE {table} FROM {app};");
        }
        await ExecuteAsync(connection, grants.ToString(), cancellationToken);
    }

    /// <summary>Each listed table's name, quoted as PostgreSQL writes it.</summary>
    private static async Task<List<string>> LoadAppendOnlyTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using var command = new NpgsqlCommand("SELECT table_name::text FROM platform_migrations.append_only_tables", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    private static async Task<Dictionary<string, string>> LoadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM platform_migrations.applied", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
