using MimeKit;

namespace Platform.Notifications.Email;

/// <summary>Hands a finished message on: to the SMTP server, or, with none configured, to a folder.</summary>
internal interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
