using System.Text.Json;
using Microsoft.Extensions.Options;
using MimeKit;
using Platform.Notifications.Contracts;
using Platform.Notifications.Data;
using Platform.Users.Contracts;

namespace Platform.Notifications.Email;

/// <summary>Turns a stored mail into a MIME message, deriving the token of its link only now, so no token is ever stored.</summary>
internal sealed class MailComposer(IOptions<EmailOptions> options, IMailLinkTokens tokens)
{
    public MimeMessage Compose(OutgoingMail mail)
    {
        var values = Values(mail.Parameters);
        var content = MailTemplates.Write(mail.Kind, values, Link(mail.TenantId, mail.Kind, values));
        var message = new MimeMessage
        {
            MessageId = $"{mail.Id:N}@{new Uri(options.Value.AppBaseUrl).Host}",
            Subject = content.Subject,
            Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.RecipientEmail));
        return message;
    }

    public static IReadOnlyDictionary<string, string> Values(string parameters) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(parameters) ?? [];

    private string Link(Guid tenantId, NotificationKind kind, IReadOnlyDictionary<string, string> values)
    {
        var app = options.Value.AppBaseUrl.TrimEnd('/');
        return kind switch
        {
            NotificationKind.Invitation =>
                $"{app}/accept-invitation?token={Uri.EscapeDataString(tokens.InvitationToken(tenantId, Guid.Parse(values["invitationId"])))}",
            NotificationKind.PasswordReset =>
                $"{app}/reset-password?token={Uri.EscapeDataString(tokens.PasswordResetToken(tenantId, Guid.Parse(values["resetId"])))}",
            NotificationKind.EmailVerification =>
                $"{app}/verify-email?token={Uri.EscapeDataString(tokens.EmailVerificationToken(tenantId, Guid.Parse(values["verificationId"])))}",
            NotificationKind.AccountNeedsReconnect => $"{app}/accounts",
            NotificationKind.PostFailed or NotificationKind.PostUnconfirmed => $"{app}/posts/{Guid.Parse(values["postId"])}",
            NotificationKind.PaymentFailed or NotificationKind.MfaChanged or NotificationKind.AiBudgetNearlySpent or NotificationKind.NewDeviceSignIn =>
                $"{app}/settings",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No link for this kind."),
        };
    }
}
