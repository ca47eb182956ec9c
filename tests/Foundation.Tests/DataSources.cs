using System.Collections.Concurrent;
using Npgsql;

namespace Platform.Foundation.Tests;

/// <summary>One data source (one pool) per connection string, as the host has one.</summary>
internal static class DataSources
{
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Cache = new();

    public static NpgsqlDataSource For(string connectionString) => Cache.GetOrAdd(connectionString, NpgsqlDataSource.Create);
}
