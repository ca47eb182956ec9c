using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Notifications.Data;
using Platform.SharedKernel.Data;

namespace Platform.Notifications.Email;

/// <summary>
/// Sends one stored mail. It claims the row (locked, for <see cref="Hold"/>) in a short unit of work, sends with no
/// connection held, then marks it sent: a second run finds it sent or claimed and sends nothing. An SMTP failure
/// releases the claim and fails the run, and Hangfire tries again later.
/// </summary>
internal sealed class SendMailJob(IServiceScopeFactory scopes, IMailTransport transport, MailComposer composer, TimeProvider clock, ILogger<SendMailJob> logger)
{
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200])]
    public async Task SendAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken)
    {
        var mail = await UpdateAsync(tenantId, messageId, mail => mail.ClaimAt(clock.GetUtcNow(), Hold), cancellationToken);
        switch (mail.Claim)
        {
            case MailClaim.AlreadySent:
                return;
            case MailClaim.Busy:
                throw new InvalidOperationException($"Mail {messageId} is being sent by another run.");
        }
        try
        {
            await transport.SendAsync(composer.Compose(mail.Mail), cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning("Mail {MessageId} ({Kind}) to {Recipient} not sent, attempt {Attempt}: {Error}",
                messageId, mail.Mail.Kind, mail.Mail.RecipientEmail, mail.Mail.Attempts, failure.Message);
            await UpdateAsync(tenantId, messageId, mail => { mail.Release(); return MailClaim.Claimed; }, CancellationToken.None);
            throw;
        }
        await UpdateAsync(tenantId, messageId, mail => { mail.MarkSent(clock.GetUtcNow()); return MailClaim.Claimed; }, CancellationToken.None);
        logger.LogInformation("Mail {MessageId} ({Kind}) sent to {Recipient}", messageId, mail.Mail.Kind, mail.Mail.RecipientEmail);
    }

    private Task<(OutgoingMail Mail, MailClaim Claim)> UpdateAsync(
        Guid tenantId, Guid messageId, Func<OutgoingMail, MailClaim> change, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<NotificationsDbContext>();
            // Missing: the unit of work that wrote it has not committed yet (the job was queued inside it), so a retry finds it.
            var mail = (await db.Messages.FromSql($"SELECT * FROM notifications.messages WHERE id = {messageId} FOR UPDATE").ToListAsync(cancellationToken))
                .SingleOrDefault() ?? throw new InvalidOperationException($"Mail {messageId} is not stored (yet).");
            var claim = change(mail);
            await db.SaveChangesAsync(cancellationToken);
            return (mail, claim);
        }, cancellationToken);
}
