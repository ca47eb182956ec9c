using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Platform.Notifications.Email;

/// <summary>Section <c>Email</c>: where mail goes (an SMTP server, or without one a folder and the log) and how links in it start.</summary>
internal sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The web app's public address; links in mail start with it.</summary>
    public string AppBaseUrl { get; set; } = "http://127.0.0.1:5080";
    public string FromAddress { get; set; } = "no-reply@localhost";
    public string FromName { get; set; } = "Platform";
    /// <summary>Where mail is written as .eml files while no SMTP host is set.</summary>
    public string PickupFolder { get; set; } = ".data/mail";
    public SmtpSettings Smtp { get; set; } = new();

    internal sealed class SmtpSettings
    {
        /// <summary>Empty: no SMTP, mail goes to <see cref="PickupFolder"/>.</summary>
        public string Host { get; set; } = "";
        public int Port { get; set; } = 587;
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    }

    internal sealed class Validation : IValidateOptions<EmailOptions>
    {
        public ValidateOptionsResult Validate(string? name, EmailOptions options)
        {
            var failures = new List<string>();
            if (!Uri.TryCreate(options.AppBaseUrl, UriKind.Absolute, out var app) || app.Scheme is not ("http" or "https") || app.Query.Length > 0)
            {
                failures.Add($"{Section}:AppBaseUrl must be an absolute http(s) URL without a query.");
            }
            if (!MailboxAddress.TryParse(options.FromAddress, out _) || !options.FromAddress.Contains('@', StringComparison.Ordinal))
            {
                failures.Add($"{Section}:FromAddress must be an e-mail address.");
            }
            if (options.Smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{Section}:Smtp:Port must be between 1 and 65535.");
            }
            if (string.IsNullOrEmpty(options.Smtp.UserName) != string.IsNullOrEmpty(options.Smtp.Password))
            {
                failures.Add($"{Section}:Smtp:UserName and {Section}:Smtp:Password go together: set both or neither.");
            }
            if (options.Smtp.Timeout <= TimeSpan.Zero || options.Smtp.Timeout > TimeSpan.FromMinutes(5))
            {
                failures.Add($"{Section}:Smtp:Timeout must be positive and at most 00:05:00.");
            }
            if (string.IsNullOrWhiteSpace(options.Smtp.Host) && string.IsNullOrWhiteSpace(options.PickupFolder))
            {
                failures.Add($"{Section}:PickupFolder must be set while {Section}:Smtp:Host is empty.");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
