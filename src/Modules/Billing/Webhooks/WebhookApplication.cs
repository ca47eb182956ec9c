using Microsoft.EntityFrameworkCore;
using Platform.Audit.Contracts;
using Platform.Billing.Contracts;
using Platform.Billing.Data;
using Platform.SharedKernel.Events;
using Stripe;

namespace Platform.Billing.Webhooks;

/// <summary>
/// Applies one Stripe event to its tenant inside the tenant's unit of work: the event id is recorded first (a second
/// delivery finds it and stops), the subscription state read from Stripe is applied, and the integration events go to the
/// outbox in the same transaction.
/// </summary>
internal sealed class WebhookApplication(BillingDbContext db, Outbox outbox, IAuditTrail audit, TimeProvider time)
{
    public Task<bool> WasAppliedAsync(string eventId, CancellationToken cancellationToken) =>
        db.ProcessedEvents.AsNoTracking().AnyAsync(e => e.EventId == eventId, cancellationToken);

    public async Task ApplyAsync(Guid tenantId, Event stripeEvent, BillingEventSubject subject, SubscriptionSnapshot? snapshot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recorded = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO billing.processed_events (event_id, tenant_id, event_type, processed_at)
            VALUES ({stripeEvent.Id}, {tenantId}, {stripeEvent.Type}, {now})
            ON CONFLICT (event_id) DO NOTHING
            """, cancellationToken);
        if (recorded == 0)
        {
            return;
        }
        var account = await db.Accounts.FromSql($"SELECT * FROM billing.accounts WHERE tenant_id = {tenantId} FOR UPDATE")
            .SingleAsync(cancellationToken);
        var before = new { account.Plan, account.Status, account.Interval };
        if (snapshot is not null && account.Apply(snapshot))
        {
            await outbox.AddAsync([new TenantPlanChanged { TenantId = tenantId, OccurredAt = now, Plan = account.Plan, Status = account.Status }], cancellationToken);
            await audit.RecordAsync(new AuditRecord(AuditAction.PlanChanged, tenantId) { Before = before, After = new { account.Plan, account.Status, account.Interval } }, cancellationToken);
        }
        if (stripeEvent.Type == EventTypes.InvoicePaymentFailed && subject.InvoiceId is { } invoiceId)
        {
            await outbox.AddAsync([new PaymentFailed { TenantId = tenantId, OccurredAt = now, InvoiceId = invoiceId }], cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
