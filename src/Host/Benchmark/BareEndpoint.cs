using Npgsql;
using Platform.Host.Database;

namespace Platform.Host.Benchmark;

/// <summary>
/// The baseline of the pipeline benchmark: the same single query as GET /api/v1/tenant, through raw Npgsql on
/// the admin connection, with no authentication, rate limiting, unit of work or RLS. Mapped only when
/// <c>Benchmark:BareEndpoint</c> is true; never in a normal deployment.
/// </summary>
internal static class BareEndpoint
{
    public static void MapBenchmarkBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Benchmark:BareEndpoint", false))
        {
            return;
        }
        // The superuser on the platform's database: no RLS, no tenant, nothing but the query.
        // Tuned like the app's own data source, so the ratio measures the pipeline and not the pool settings.
        var dataSource = TunedDataSource.Build(new NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString("Admin"))
        {
            Database = new NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString("Platform")).Database,
        }.ConnectionString);
        app.MapGet("/bench/bare/{tenantId:guid}", async (Guid tenantId, CancellationToken cancellationToken) =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT id, name, plan_tier, ai_budget_limit, ai_usage_current, settings, created_at FROM tenants.tenants WHERE id = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return Results.NotFound();
            }
            return Results.Ok(new
            {
                id = reader.GetGuid(0),
                name = reader.GetString(1),
                planTier = reader.GetString(2),
                aiBudgetLimit = reader.GetDecimal(3),
                aiUsageCurrent = reader.GetDecimal(4),
                settings = reader.GetString(5),
                createdAt = reader.GetFieldValue<DateTimeOffset>(6),
            });
        }).ExcludeFromDescription();
    }
}
