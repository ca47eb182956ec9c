using System.Globalization;
using Platform.AI.Contracts;
using Platform.Billing.Contracts;
using Platform.Notifications.Contracts;
using Platform.Notifications.Delivery;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;
using Platform.Users.Contracts;

namespace Platform.Notifications.Events;

/// <summary>Turns other modules' events into notifications: security mail to the person concerned, account and post trouble to the admins.</summary>
internal sealed class NotifyOnEvents(Notifier notifier, IUserContacts contacts)
    : IIntegrationEventHandler<UserInvited>, IIntegrationEventHandler<PasswordResetRequested>,
      IIntegrationEventHandler<AccountNeedsReconnect>, IIntegrationEventHandler<PostTargetFailed>, IIntegrationEventHandler<PaymentFailed>,
      IIntegrationEventHandler<MfaChanged>, IIntegrationEventHandler<AiBudgetNearlySpent>,
      IIntegrationEventHandler<EmailVerificationRequested>, IIntegrationEventHandler<NewDeviceSignedIn>
{
    public Task HandleAsync(UserInvited invited, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(invited, NotificationKind.Invitation, new Recipient(null, invited.Email), new Dictionary<string, string>
        {
            ["invitationId"] = invited.InvitationId.ToString(),
            ["role"] = invited.Role,
            ["invitedBy"] = invited.InvitedBy,
            ["expiresAt"] = Stamp(invited.ExpiresAt),
        }, cancellationToken);

    public Task HandleAsync(PasswordResetRequested requested, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(requested, NotificationKind.PasswordReset, new Recipient(requested.UserId, requested.Email), new Dictionary<string, string>
        {
            ["resetId"] = requested.ResetId.ToString(),
            ["expiresAt"] = Stamp(requested.ExpiresAt),
        }, cancellationToken);

    public Task HandleAsync(AccountNeedsReconnect needed, CancellationToken cancellationToken) =>
        NotifyAdministratorsAsync(needed, NotificationKind.AccountNeedsReconnect, new Dictionary<string, string>
        {
            ["accountId"] = needed.SocialAccountId.ToString(),
            ["platform"] = needed.Platform.ToString(),
            ["reason"] = needed.Reason,
        }, cancellationToken);

    public Task HandleAsync(PostTargetFailed failed, CancellationToken cancellationToken) =>
        NotifyAdministratorsAsync(failed, failed.Status == TargetStatus.Unconfirmed ? NotificationKind.PostUnconfirmed : NotificationKind.PostFailed,
            new Dictionary<string, string>
        {
            ["postId"] = failed.PostId.ToString(),
            ["platform"] = failed.Platform,
            ["status"] = failed.Status.ToString(),
            ["reason"] = failed.ErrorMessage ?? failed.ErrorKind ?? "no reason was given",
        }, cancellationToken);

    public Task HandleAsync(MfaChanged changed, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(changed, NotificationKind.MfaChanged, new Recipient(changed.UserId, changed.Email), new Dictionary<string, string>
        {
            ["enabled"] = changed.Enabled ? "true" : "false",
            ["changedAt"] = Stamp(changed.OccurredAt),
        }, cancellationToken);

    // To the address only: the link in the mail is the whole task, and whether it is done shows on the user itself.
    public Task HandleAsync(EmailVerificationRequested requested, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(requested, NotificationKind.EmailVerification, new Recipient(null, requested.Email), new Dictionary<string, string>
        {
            ["verificationId"] = requested.VerificationId.ToString(),
            ["expiresAt"] = Stamp(requested.ExpiresAt),
        }, cancellationToken);

    public Task HandleAsync(NewDeviceSignedIn signedIn, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(signedIn, NotificationKind.NewDeviceSignIn, new Recipient(signedIn.UserId, signedIn.Email), new Dictionary<string, string>
        {
            ["signedInAt"] = Stamp(signedIn.OccurredAt),
            ["ipAddress"] = signedIn.IpAddress,
            ["userAgent"] = signedIn.UserAgent.Length == 0 ? "an unnamed browser or program" : signedIn.UserAgent,
        }, cancellationToken);

    public Task HandleAsync(AiBudgetNearlySpent nearlySpent, CancellationToken cancellationToken) =>
        NotifyAdministratorsAsync(nearlySpent, NotificationKind.AiBudgetNearlySpent, new Dictionary<string, string>
        {
            ["month"] = nearlySpent.Month,
            ["percent"] = nearlySpent.ThresholdPercent.ToString(CultureInfo.InvariantCulture),
            ["limit"] = nearlySpent.LimitUsd.ToString("0.00", CultureInfo.InvariantCulture),
            ["usage"] = nearlySpent.UsageUsd.ToString("0.00", CultureInfo.InvariantCulture),
        }, cancellationToken);

    public async Task HandleAsync(PaymentFailed failed, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string> { ["invoiceId"] = failed.InvoiceId };
        foreach (var owner in await contacts.OwnersAsync(cancellationToken))
        {
            await notifier.NotifyAsync(failed, NotificationKind.PaymentFailed, new Recipient(owner.UserId, owner.Email), values, cancellationToken);
        }
    }

    private async Task NotifyAdministratorsAsync(
        IntegrationEvent source, NotificationKind kind, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        foreach (var admin in await contacts.AdministratorsAsync(cancellationToken))
        {
            await notifier.NotifyAsync(source, kind, new Recipient(admin.UserId, admin.Email), values, cancellationToken);
        }
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
