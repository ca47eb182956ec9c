using Npgsql;
using Platform.TestKit;

namespace Platform.Foundation.Tests;

/// <summary>Reads across every tenant as the superuser, to prove what a request did or did not change.</summary>
internal static class DatabaseProbe
{
    public static async Task<long> CountAllAsync(this TestDatabase database, string table, string where = "true")
    {
        await using var connection = database.OpenSuperuser();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE {where}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
