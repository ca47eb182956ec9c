using System.Text;
using Npgsql;
using Platform.TestKit;

namespace Platform.Foundation.Tests.Fuzz;

/// <summary>
/// A fingerprint of every row one tenant sees in every module's tables, read through the owner connection
/// with the tenant set (RLS applies; tables without a tenant are read whole). Each row is hashed as a whole,
/// so one changed column, one added or one removed row makes a different snapshot.
/// </summary>
internal sealed class TenantSnapshot
{
    private static readonly string[] ModuleSchemas = ["tenants", "users", "social_accounts", "posts", "ai", "analytics", "media", "webhooks", "notifications", "platform_events"];

    private readonly TestDatabase database;
    private readonly Guid tenantId;
    private readonly string query;

    private TenantSnapshot(TestDatabase database, Guid tenantId, string query)
    {
        this.database = database;
        this.tenantId = tenantId;
        this.query = query;
    }

    public static async Task<TenantSnapshot> ForAsync(TestDatabase database, Guid tenantId)
    {
        var tables = new List<string>();
        await using (var connection = database.OpenOwner())
        await using (var command = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ModuleSchemas });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        if (tables.Count == 0)
        {
            throw new InvalidOperationException("No module tables found: the snapshot would prove nothing.");
        }
        var query = string.Join("\nUNION ALL\n", tables.Select(table =>
            $"SELECT '{table}', count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM {table} t"));
        return new TenantSnapshot(database, tenantId, query);
    }

    /// <summary>Table name to "rows:hash".</summary>
    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        await using var connection = database.OpenOwner();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var enter = new NpgsqlCommand("SELECT set_config('app.tenant_id', $1, true)", connection, transaction))
        {
            enter.Parameters.Add(new NpgsqlParameter { Value = tenantId.ToString() });
            await enter.ExecuteNonQueryAsync();
        }
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(query, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables[reader.GetString(0)] = $"{reader.GetInt64(1)}:{reader.GetString(2)}";
            }
        }
        await transaction.RollbackAsync();
        return tables;
    }

    /// <summary>The tables whose rows differ, for a failure message; empty when equal.</summary>
    public static string Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changed = new StringBuilder();
        foreach (var (table, rows) in after)
        {
            if (!before.TryGetValue(table, out var earlier) || earlier != rows)
            {
                changed.Append(table).Append(" (").Append(earlier ?? "absent").Append(" -> ").Append(rows).Append(") ");
            }
        }
        return changed.ToString();
    }
}
