using System.Text.Json;
using Npgsql;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;

namespace Platform.Billing.Plans;

/// <summary>
/// Collects the unit of work's limit checks and sends them with its COMMIT, in that one round trip: the transaction-scoped
/// advisory lock of each limit (in one order, so two units of work never wait on each other), then per check the owning
/// module's count compared in PostgreSQL with what the tenant's plan allows (<c>billing.ensure_plan_room</c>, which raises
/// and so stops the COMMIT). Under READ COMMITTED each statement of the batch sees what committed before it began, so a
/// count, starting once the lock is held, sees every slot an earlier holder took, and it sees this transaction's own
/// additions. The lock is held from the count to the end of the commit, with no wait on the client in between.
/// </summary>
internal sealed class PlanLimitGuard(DbSession session, ITenantContext tenant, PlanCatalog catalog) : IPlanLimitGuard, ICommitCheck
{
    private const string RefusalState = "PL402";

    private readonly List<PendingCheck> pending = [];
    private Guid tenantId;

    public Task EnsureAsync(PlanLimit limit, decimal adding, UsageQuery usage, CancellationToken cancellationToken)
    {
        if (adding <= 0)
        {
            // Nothing new is taken: what the tenant kept after a downgrade keeps working, at no cost.
            return Task.CompletedTask;
        }
        if (pending.Count == 0)
        {
            tenantId = tenant.RequiredTenantId;
            session.OnCommitting(this);
        }
        else if (tenant.RequiredTenantId != tenantId)
        {
            throw new InvalidOperationException("One unit of work checks the plan limits of one tenant.");
        }
        pending.Add(new PendingCheck(limit, adding, usage));
        return Task.CompletedTask;
    }

    public void AddTo(NpgsqlBatch batch)
    {
        foreach (var limit in pending.Select(c => c.Limit).Distinct().Order())
        {
            var take = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))");
            take.Parameters.Add(new NpgsqlParameter { Value = $"plan-limit:{tenantId}:{limit}" });
            batch.BatchCommands.Add(take);
        }
        for (var index = 0; index < pending.Count; index++)
        {
            batch.BatchCommands.Add(CheckStatement(index, pending[index]));
        }
    }

    public Exception? Explain(PostgresException failure)
    {
        if (failure.SqlState != RefusalState)
        {
            return null;
        }
        using var detail = JsonDocument.Parse(failure.MessageText);
        var check = pending[detail.RootElement.GetProperty("check").GetInt32()];
        var plan = catalog.Limits(detail.RootElement.GetProperty("plan").GetString()!);
        return new LimitCheck(plan, check.Limit, detail.RootElement.GetProperty("used").GetDecimal(), check.Adding).Refusal();
    }

    /// <summary>
    /// The module's count as a scalar subquery (its parameters keep their numbers; ours follow), less what this unit of
    /// work added, against the allowance of the tenant's plan (an unknown plan is the free one, as in <see cref="PlanCatalog"/>).
    /// </summary>
    private NpgsqlBatchCommand CheckStatement(int index, PendingCheck check)
    {
        var own = check.Usage.Parameters.Length;
        string Next(int offset) => "$" + (own + offset);
        var allowed = catalog.All.ToDictionary(p => p.Name, p => catalog.Limits(p.Name).Of(check.Limit));
        var statement = new NpgsqlBatchCommand($"""
            SELECT billing.ensure_plan_room({Next(1)}, p.plan, (({Next(2)})::jsonb ->> p.plan)::numeric,
                   ({check.Usage.Sql}) - {Next(3)}, {Next(3)})
              FROM (SELECT coalesce((SELECT a.plan FROM billing.accounts a WHERE a.tenant_id = {Next(4)} AND ({Next(2)})::jsonb ? a.plan),
                                    '{BillingOptions.FreePlan}') AS plan) p
            """);
        foreach (var value in check.Usage.Parameters)
        {
            statement.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        statement.Parameters.Add(new NpgsqlParameter { Value = index });
        statement.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(allowed), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        statement.Parameters.Add(new NpgsqlParameter { Value = check.Adding });
        statement.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return statement;
    }

    private sealed record PendingCheck(PlanLimit Limit, decimal Adding, UsageQuery Usage);
}
