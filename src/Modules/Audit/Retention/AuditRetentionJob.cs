using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Jobs;

namespace Platform.Audit.Retention;

/// <summary>
/// Deletes entries older than <c>Audit:RetainDays</c> across tenants, daily. The app role may not delete audit rows, so
/// this goes through <c>audit.prune</c>, a SECURITY DEFINER function of the schema owner that deletes only rows older
/// than the retention it is given (never less than <see cref="AuditOptions.MinRetainDays"/>), in batches, each its own
/// short unit of work.
/// </summary>
internal sealed class AuditRetentionJob(IServiceScopeFactory scopes, IOptions<AuditOptions> options, ILogger<AuditRetentionJob> logger)
{
    public const string RecurringJobId = "audit:retention";
    public const string Every = "43 3 * * *";
    public const int BatchSize = 5000;

    /// <returns>How many entries were deleted.</returns>
    [CrossTenantJob]
    [AutomaticRetry(Attempts = 3)]
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        int removed;
        do
        {
            removed = await scopes.RunAsync(null, async services =>
            {
                var session = services.GetRequiredService<DbSession>();
                await using var command = await session.CreateCommandAsync("SELECT audit.prune($1, $2)", cancellationToken);
                command.Parameters.Add(new NpgsqlParameter { Value = options.Value.RetainDays });
                command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
                return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
            }, cancellationToken);
            total += removed;
        }
        while (removed == BatchSize);
        logger.LogInformation("Audit retention deleted {Count} entries older than {Days} days", total, options.Value.RetainDays);
        return total;
    }
}
