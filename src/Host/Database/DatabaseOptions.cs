using Npgsql;

namespace Platform.Host.Database;

/// <summary>The three connection strings: the app role (RLS-bound), the owner (migrations) and an optional bootstrap admin.</summary>
internal sealed record DatabaseOptions(string Platform, string Owner, string? Admin)
{
    public static DatabaseOptions From(IConfiguration configuration) => new(
        configuration.GetConnectionString("Platform") ?? throw Missing("ConnectionStrings:Platform"),
        configuration.GetConnectionString("Owner") ?? throw Missing("ConnectionStrings:Owner"),
        configuration.GetConnectionString("Admin") is { Length: > 0 } admin ? admin : null);

    public NpgsqlConnectionStringBuilder AppRole => new(Platform);
    public NpgsqlConnectionStringBuilder OwnerRole => new(Owner);

    private static InvalidOperationException Missing(string key) => new($"Configuration {key} is required.");
}
