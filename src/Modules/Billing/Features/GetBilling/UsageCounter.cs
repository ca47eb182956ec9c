using Npgsql;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;

namespace Platform.Billing.Features.GetBilling;

/// <summary>Runs every module's usage query for the current tenant in one round trip.</summary>
internal sealed class UsageCounter(DbSession session, IEnumerable<IPlanUsage> usages)
{
    public async Task<IReadOnlyDictionary<PlanLimit, decimal>> CountAsync(CancellationToken cancellationToken)
    {
        var queries = new List<(PlanLimit Limit, UsageQuery Query)>();
        foreach (var usage in usages)
        {
            queries.Add((usage.Limit, await usage.CurrentAsync(cancellationToken)));
        }
        var counted = new Dictionary<PlanLimit, decimal>();
        if (queries.Count == 0)
        {
            return counted;
        }
        await using var batch = await session.CreateBatchAsync(cancellationToken);
        foreach (var (_, query) in queries)
        {
            var command = new NpgsqlBatchCommand(query.Sql);
            foreach (var value in query.Parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var (limit, _) in queries)
        {
            await reader.ReadAsync(cancellationToken);
            counted[limit] = reader.IsDBNull(0) ? 0 : Convert.ToDecimal(reader.GetValue(0));
            await reader.NextResultAsync(cancellationToken);
        }
        return counted;
    }
}
