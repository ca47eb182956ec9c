using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Notifications.Contracts;
using Platform.Notifications.Data;
using Platform.Notifications.Email;
using Platform.Notifications.Live;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Records what an event tells one recipient, in the unit of work handling the event: the in-app item (users only) and the
/// mail (unless the user switched the kind off), each keyed by event, recipient and kind with ids derived from them, so a
/// redelivered event writes nothing new and queues no second send of anything.
/// </summary>
internal sealed class Notifier(DbSession session, NotificationsDbContext db, IBackgroundJobClient jobs, LiveEventPublisher live, TimeProvider clock)
{
    public async Task NotifyAsync(
        IntegrationEvent source, NotificationKind kind, Recipient recipient, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var email = recipient.Email.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow();
        if (recipient.UserId is { } userId)
        {
            var content = MailTemplates.Write(kind, values, link: "");
            var inboxId = IdOf(source.EventId, userId.ToString(), kind);
            var listed = await ExecuteAsync("""
                INSERT INTO notifications.inbox (id, tenant_id, user_id, source_event_id, kind, title, body, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (source_event_id, user_id, kind) DO NOTHING
                """, cancellationToken, inboxId, source.TenantId, userId, source.EventId, kind.ToString(),
                content.Subject, content.Summary, now);
            if (listed == 1)
            {
                var arrival = LiveEvent.ForUser(source.TenantId, userId, LiveEventType.Notification, new InboxArrival(inboxId, kind, content.Subject, content.Summary, now));
                session.OnCommitted(() => live.Publish(arrival));
            }
            if (!kind.IsSecurity() && await db.Preferences.AnyAsync(p => p.UserId == userId && p.Kind == kind && !p.Enabled, cancellationToken))
            {
                return;
            }
        }
        var messageId = IdOf(source.EventId, email, kind);
        var written = await ExecuteAsync("""
            INSERT INTO notifications.messages (id, tenant_id, source_event_id, kind, recipient_user_id, recipient_email, parameters, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) ON CONFLICT (source_event_id, recipient_email, kind) DO NOTHING
            """, cancellationToken, messageId, source.TenantId, source.EventId, kind.ToString(), (object?)recipient.UserId ?? DBNull.Value, email,
            JsonSerializer.Serialize(values), now);
        if (written == 1)
        {
            var tenantId = source.TenantId;
            jobs.Enqueue<SendMailJob>(job => job.SendAsync(tenantId, messageId, CancellationToken.None));
        }
    }

    private static Guid IdOf(Guid eventId, string recipient, NotificationKind kind) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{eventId:N}\n{recipient}\n{kind}")).AsSpan(0, 16));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = await session.CreateCommandAsync(sql, cancellationToken);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
