using Npgsql;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;

namespace Platform.Billing.Plans;

/// <summary>
/// One round trip: a batch that takes the transaction-scoped advisory lock of the tenant's limit and reads its plan, then
/// runs the owning module's count. Under READ COMMITTED each statement of the batch sees what committed before it began,
/// so the count, starting after the lock is held, sees every slot an earlier holder took.
/// </summary>
internal sealed class PlanLimitGuard(DbSession session, ITenantContext tenant, PlanCatalog catalog) : IPlanLimitGuard
{
    public async Task EnsureAsync(PlanLimit limit, decimal adding, UsageQuery usage, CancellationToken cancellationToken)
    {
        if (adding <= 0)
        {
            // Nothing new is taken: what the tenant kept after a downgrade keeps working, at no round trip.
            return;
        }
        var tenantId = tenant.RequiredTenantId;
        await using var batch = await session.CreateBatchAsync(cancellationToken);
        var lockAndPlan = new NpgsqlBatchCommand(
            "SELECT (SELECT plan FROM billing.accounts WHERE tenant_id = $2) FROM pg_advisory_xact_lock(hashtextextended($1, 0))");
        lockAndPlan.Parameters.Add(new NpgsqlParameter { Value = $"plan-limit:{tenantId}:{limit}" });
        lockAndPlan.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        batch.BatchCommands.Add(lockAndPlan);
        var count = new NpgsqlBatchCommand(usage.Sql);
        foreach (var value in usage.Parameters)
        {
            count.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        batch.BatchCommands.Add(count);

        string? plan;
        decimal used;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            plan = reader.IsDBNull(0) ? null : reader.GetString(0);
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            used = reader.IsDBNull(0) ? 0 : Convert.ToDecimal(reader.GetValue(0));
        }
        var check = new LimitCheck(catalog.Limits(plan ?? BillingOptions.FreePlan), limit, used, adding);
        if (!check.Passes)
        {
            throw check.Refusal();
        }
    }
}
