using Microsoft.Extensions.Options;
using Platform.SharedKernel.Events;
using Platform.Users.Contracts;
using Platform.Users.Data;
using Platform.Users.Tokens;

namespace Platform.Users.Features.Shared;

/// <summary>Stores a new verification link for the user and queues its mail through the outbox, in the caller's unit of work.</summary>
internal sealed class EmailVerificationMail(
    UsersDbContext db, MailTokenSecrets secrets, Outbox outbox, IOptions<EmailVerificationOptions> options, TimeProvider clock)
{
    public async Task SendAsync(User user, CancellationToken cancellationToken)
    {
        var (verification, _) = EmailVerification.Create(user.TenantId, user.Id, clock.GetUtcNow(), options.Value.Lifetime, secrets);
        db.EmailVerifications.Add(verification);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.AddAsync([new EmailVerificationRequested
        {
            TenantId = user.TenantId,
            OccurredAt = verification.CreatedAt,
            UserId = user.Id,
            VerificationId = verification.Id,
            Email = user.Email,
            ExpiresAt = verification.ExpiresAt,
        }], cancellationToken);
    }
}
