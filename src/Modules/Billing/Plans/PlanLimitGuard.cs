using Npgsql;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;

namespace Platform.Billing.Plans;

/// <summary>
/// Collects the unit of work's limit checks and runs them together as its last round trip before COMMIT: a batch that takes
/// the transaction-scoped advisory lock of each limit (in one order, so two units of work never wait on each other), reads
/// the plan, then runs each owning module's count. Under READ COMMITTED each statement of the batch sees what committed
/// before it began, so a count, starting once the lock is held, sees every slot an earlier holder took, and it sees this
/// transaction's own additions. The lock is held only for that batch and the commit, not for the whole request.
/// </summary>
internal sealed class PlanLimitGuard(DbSession session, ITenantContext tenant, PlanCatalog catalog) : IPlanLimitGuard
{
    private readonly List<PendingCheck> pending = [];
    private Guid tenantId;

    public Task EnsureAsync(PlanLimit limit, decimal adding, UsageQuery usage, CancellationToken cancellationToken)
    {
        if (adding <= 0)
        {
            // Nothing new is taken: what the tenant kept after a downgrade keeps working, at no round trip.
            return Task.CompletedTask;
        }
        if (session.Transaction is null)
        {
            throw new InvalidOperationException("A plan limit is checked in a unit of work that writes what it checked.");
        }
        if (pending.Count == 0)
        {
            tenantId = tenant.RequiredTenantId;
            session.OnCommitting(CheckAllAsync);
        }
        else if (tenant.RequiredTenantId != tenantId)
        {
            throw new InvalidOperationException("One unit of work checks the plan limits of one tenant.");
        }
        pending.Add(new PendingCheck(limit, adding, usage));
        return Task.CompletedTask;
    }

    private async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        var checks = pending.ToList();
        pending.Clear();
        await using var batch = await session.CreateBatchAsync(cancellationToken);
        foreach (var limit in checks.Select(c => c.Limit).Distinct().Order())
        {
            var take = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))");
            take.Parameters.Add(new NpgsqlParameter { Value = $"plan-limit:{tenantId}:{limit}" });
            batch.BatchCommands.Add(take);
        }
        var readPlan = new NpgsqlBatchCommand("SELECT plan FROM billing.accounts WHERE tenant_id = $1");
        readPlan.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        batch.BatchCommands.Add(readPlan);
        foreach (var check in checks)
        {
            var count = new NpgsqlBatchCommand(check.Usage.Sql);
            foreach (var value in check.Usage.Parameters)
            {
                count.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            batch.BatchCommands.Add(count);
        }

        string? plan = null;
        var counted = new List<decimal>(checks.Count);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // The results of the leading tenant statement and of the locks carry nothing: skip to the plan's.
            while (reader.FieldCount == 0 || reader.GetName(0) != "plan")
            {
                await reader.NextResultAsync(cancellationToken);
            }
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0))
            {
                plan = reader.GetString(0);
            }
            while (await reader.NextResultAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                counted.Add(reader.IsDBNull(0) ? 0 : Convert.ToDecimal(reader.GetValue(0)));
            }
        }
        var limits = catalog.Limits(plan ?? BillingOptions.FreePlan);
        for (var i = 0; i < checks.Count; i++)
        {
            // The count includes what this unit of work added; the usage before it is what the refusal reports.
            var check = new LimitCheck(limits, checks[i].Limit, counted[i] - checks[i].Adding, checks[i].Adding);
            if (!check.Passes)
            {
                throw check.Refusal();
            }
        }
    }

    private sealed record PendingCheck(PlanLimit Limit, decimal Adding, UsageQuery Usage);
}
