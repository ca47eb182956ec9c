using Npgsql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.PublishLab;

/// <summary>
/// The baseline of the API pipeline benchmark, outside the production host: GET /bench/bare/{tenantId} runs the same
/// single query as GET /api/v1/tenant through raw Npgsql as the superuser (no authentication, rate limiting, unit of
/// work or RLS), with the host's pool tuning (auto-prepared statements, no reset on close), so the ratio measures the
/// pipeline and not the pool settings.
/// </summary>
internal static class BareCommand
{
    public static async Task<int> RunAsync(string url, string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, NoResetOnClose = true };
        await using var dataSource = NpgsqlDataSource.Create(connection.ConnectionString);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/health/live", () => Results.Ok());
        app.MapGet("/bench/bare/{tenantId:guid}", async (Guid tenantId, CancellationToken cancellationToken) =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT id, name, ai_budget_limit, ai_usage_current, settings, created_at FROM tenants.tenants WHERE id = $1");
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
                aiBudgetLimit = reader.IsDBNull(2) ? (decimal?)null : reader.GetDecimal(2),
                aiUsageCurrent = reader.GetDecimal(3),
                settings = reader.GetString(4),
                createdAt = reader.GetFieldValue<DateTimeOffset>(5),
            });
        });
        await app.RunAsync();
        return 0;
    }
}
