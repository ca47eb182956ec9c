using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.AI.Contracts;
using Platform.AI.Data;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.Tenants.Contracts;

namespace Platform.AI.Generation;

/// <summary>
/// Writes the budget and the request record in units of work of their own, separate from the HTTP request's:
/// the reservation and the PENDING record commit together before the provider is called, and the settlement
/// (or release) and the final status commit together after it. See docs/adr/0004-ai-budget.md.
/// </summary>
internal sealed class AiLedger(IServiceScopeFactory scopes, TimeProvider clock, IOptionsMonitor<AiOptions> options)
{
    /// <summary>
    /// Reserves <paramref name="estimate"/> of this month's budget (the plan's, or the tenant's own cap when lower) and
    /// records the request as PENDING; answers the reservation, refused when over budget, and the plan it was held to.
    /// </summary>
    public Task<(AiBudgetReservation Reservation, PlanLimits Plan)> OpenAsync(AiRequest request, decimal estimate, CancellationToken cancellationToken) =>
        scopes.RunAsync(request.TenantId, async services =>
        {
            var db = services.GetRequiredService<AiDbContext>();
            var budget = services.GetRequiredService<ITenantAiBudget>();
            var outbox = services.GetRequiredService<Outbox>();
            await ReleaseAbandonedAsync(db, budget, request.TenantId, cancellationToken);
            var plan = await services.GetRequiredService<ITenantPlanLimits>().GetAsync(cancellationToken);
            var reservation = await budget.TryReserveAsync(request.TenantId, estimate, plan.AiBudgetUsdPerMonth, cancellationToken);
            request.CreatedAt = clock.GetUtcNow();
            if (reservation.Reserved)
            {
                request.Status = AiRequestStatus.Pending;
                request.ReservedUsd = estimate;
                if (AiBudgetWarning.Crossed(reservation.Limit, reservation.Usage - estimate, reservation.Usage))
                {
                    await outbox.AddAsync([AiBudgetWarning.For(request.TenantId, request.CreatedAt, reservation.Limit, reservation.Usage)], cancellationToken);
                }
            }
            else
            {
                request.Status = AiRequestStatus.Failed;
                request.Error = $"Over the AI budget: limit {reservation.Limit} USD, used {reservation.Usage} USD, this request needs up to {estimate} USD.";
                request.CompletedAt = request.CreatedAt;
                await outbox.AddAsync([Completed(request)], cancellationToken);
            }
            db.Requests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            return (reservation, plan);
        }, cancellationToken);

    /// <summary>Records a request that never needed the budget (served from cache, or rejected before any call).</summary>
    public async Task RecordAsync(AiRequest request, CancellationToken cancellationToken)
    {
        await InUnitOfWorkAsync(request.TenantId, async (db, _, outbox) =>
        {
            request.CreatedAt = clock.GetUtcNow();
            request.CompletedAt = request.CreatedAt;
            db.Requests.Add(request);
            await outbox.AddAsync([Completed(request)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        AiMetrics.Ended(request);
    }

    /// <summary>
    /// Ends a PENDING request: settles its reservation to the outcome's cost (0 releases it) and stores the outcome;
    /// returns the ended request, or null when it was no longer PENDING. Only a PENDING row is ended, so a repeated
    /// call (a retried job) cannot settle twice.
    /// </summary>
    public async Task<AiRequest?> CloseAsync(Guid tenantId, Guid requestId, Outcome outcome, CancellationToken cancellationToken)
    {
        // Ending what was started is never refused for want of a request slot: a refusal here would leave the
        // reservation held until it is swept as abandoned. It takes its connection as background work does.
        RequestConnectionAdmission.LeaveRequestFlow();
        var ended = await InUnitOfWorkAsync(tenantId, async (db, budget, outbox) =>
        {
            // The row lock makes two closers (a job retried while the first run still ends) take turns.
            var request = (await db.Requests
                .FromSql($"SELECT * FROM ai.ai_requests WHERE id = {requestId} AND status = 'PENDING' FOR UPDATE")
                .ToListAsync(cancellationToken)).SingleOrDefault();
            if (request is null)
            {
                return null;
            }
            if (outcome.Cost == 0)
            {
                await budget.ReleaseAsync(tenantId, request.ReservedUsd, cancellationToken);
            }
            else
            {
                await budget.SettleAsync(tenantId, request.ReservedUsd, outcome.Cost, cancellationToken);
            }
            request.Status = outcome.Status;
            request.Provider = outcome.Provider ?? request.Provider;
            request.Model = outcome.Model ?? request.Model;
            request.Output = outcome.Output?.ToJsonString();
            request.InputTokens = outcome.InputTokens;
            request.OutputTokens = outcome.OutputTokens;
            request.TokensUsed = outcome.InputTokens + outcome.OutputTokens;
            request.CostUsd = outcome.Cost;
            request.Error = outcome.Error;
            request.CompletedAt = clock.GetUtcNow();
            await outbox.AddAsync([Completed(request)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return request;
        }, cancellationToken);
        // Counted once committed, and once only: a repeated close finds no PENDING row and returns null.
        if (ended is not null)
        {
            AiMetrics.Ended(ended);
        }
        return ended;
    }

    /// <summary>
    /// Gives back the reservations of this tenant's requests left PENDING by a crash (older than any call can take),
    /// before deciding on a new one, so a leaked reservation can never cause a refusal. Rows another transaction is
    /// closing right now are skipped, not waited for.
    /// </summary>
    private async Task ReleaseAbandonedAsync(AiDbContext db, ITenantAiBudget budget, Guid tenantId, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromMinutes(options.CurrentValue.AbandonedAfterMinutes);
        var abandoned = await db.Requests
            .FromSql($"SELECT * FROM ai.ai_requests WHERE status = 'PENDING' AND created_at < {cutoff} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var request in abandoned)
        {
            await budget.ReleaseAsync(tenantId, request.ReservedUsd, cancellationToken);
            request.Status = AiRequestStatus.Failed;
            request.Error = "Abandoned: the request never finished; its reservation was released.";
            request.CompletedAt = clock.GetUtcNow();
        }
    }

    public async Task<AiRequest?> FindAsync(Guid tenantId, Guid requestId, CancellationToken cancellationToken) =>
        await InUnitOfWorkAsync(tenantId, (db, _, _) => db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken), cancellationToken);

    private static AiRequestCompleted Completed(AiRequest request) => new()
    {
        TenantId = request.TenantId,
        OccurredAt = request.CompletedAt!.Value,
        RequestId = request.Id,
        Type = request.Type,
        Status = request.Status,
        Provider = request.Provider,
        Model = request.Model,
        TokensUsed = request.TokensUsed,
        CostUsd = request.CostUsd,
        Error = request.Error,
    };

    private Task<T> InUnitOfWorkAsync<T>(Guid tenantId, Func<AiDbContext, ITenantAiBudget, Outbox, Task<T>> work, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, services => work(services.GetRequiredService<AiDbContext>(), services.GetRequiredService<ITenantAiBudget>(),
            services.GetRequiredService<Outbox>()), cancellationToken);
}

internal sealed record Outcome(
    AiRequestStatus Status,
    decimal Cost,
    string? Provider = null,
    string? Model = null,
    JsonObject? Output = null,
    int InputTokens = 0,
    int OutputTokens = 0,
    string? Error = null);
