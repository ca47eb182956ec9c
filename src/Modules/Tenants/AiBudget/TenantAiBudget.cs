using Npgsql;
using Platform.SharedKernel.Data;
using Platform.Tenants.Contracts;

namespace Platform.Tenants.AiBudget;

/// <summary>
/// Each change is one UPDATE on the tenant row: the row lock serialises concurrent reservations and the
/// WHERE is re-checked after the lock is taken, so parallel requests can never push usage past the limit.
/// The first reservation of a calendar month starts its usage from zero.
/// </summary>
internal sealed class TenantAiBudget(DbSession session) : ITenantAiBudget
{
    // LEAST ignores a NULL: without a cap of the tenant's own, the plan's budget is the limit.
    private const string Limit = "LEAST(ai_budget_limit, $3)";
    private const string LimitOfRead = "LEAST(ai_budget_limit, $2)";

    public async Task<AiBudgetReservation> TryReserveAsync(Guid tenantId, decimal amount, decimal planBudget, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        await session.UseTenantAsync(tenantId, cancellationToken);
        await using (var reserve = await session.CreateCommandAsync($"""
            UPDATE tenants.tenants
               SET ai_usage_current = {AiMonth.UsageSql} + $2, ai_usage_month = {AiMonth.Sql}, updated_at = now()
             WHERE id = $1 AND {AiMonth.UsageSql} + $2 <= {Limit}
            RETURNING {Limit}, ai_usage_current
            """, cancellationToken))
        {
            reserve.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            reserve.Parameters.Add(new NpgsqlParameter { Value = amount });
            reserve.Parameters.Add(new NpgsqlParameter { Value = planBudget });
            await using var reader = await reserve.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new AiBudgetReservation(true, reader.GetDecimal(0), reader.GetDecimal(1));
            }
        }
        await using var current = await session.CreateCommandAsync(
            $"SELECT {LimitOfRead}, {AiMonth.UsageSql} FROM tenants.tenants WHERE id = $1", cancellationToken);
        current.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        current.Parameters.Add(new NpgsqlParameter { Value = planBudget });
        await using var row = await current.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken)
            ? new AiBudgetReservation(false, row.GetDecimal(0), row.GetDecimal(1))
            : new AiBudgetReservation(false, 0, 0);
    }

    public Task SettleAsync(Guid tenantId, decimal reserved, decimal actual, CancellationToken cancellationToken) =>
        AdjustAsync(tenantId, actual - reserved, cancellationToken);

    public Task ReleaseAsync(Guid tenantId, decimal reserved, CancellationToken cancellationToken) =>
        AdjustAsync(tenantId, -reserved, cancellationToken);

    private async Task AdjustAsync(Guid tenantId, decimal delta, CancellationToken cancellationToken)
    {
        if (delta == 0)
        {
            return;
        }
        await session.UseTenantAsync(tenantId, cancellationToken);
        // GREATEST keeps the CHECK (usage >= 0) satisfied even if a reservation was already released by hand, or was
        // made in a month whose usage a new month has since started again from zero.
        await using var command = await session.CreateCommandAsync("""
            UPDATE tenants.tenants
               SET ai_usage_current = GREATEST(0, ai_usage_current + $2), updated_at = now()
             WHERE id = $1
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = delta });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
