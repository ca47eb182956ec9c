using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Platform.Notifications.Email;

/// <summary>
/// Without an SMTP server, each message is written to the pickup folder as an .eml file, and the log says to whom and
/// where; the log line carries no body, since links in it hold tokens. A message appears in the folder only once whole.
/// </summary>
internal sealed class PickupFolderTransport(IOptions<EmailOptions> options, ILogger<PickupFolderTransport> logger) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.PickupFolder);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId}.eml");
        // Written under another name and renamed: whoever reads the folder never finds a message half written.
        var partial = file + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, file, overwrite: true);
        logger.LogInformation("No SMTP host is set: mail \"{Subject}\" to {Recipient} written to {File}", message.Subject, message.To, file);
    }
}
