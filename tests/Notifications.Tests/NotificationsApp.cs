using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.TestKit;

namespace Platform.Notifications.Tests;

/// <summary>The real host mailing through <see cref="Gate"/> to the local SMTP server, its log captured.</summary>
internal sealed class NotificationsApp : PlatformApp
{
    public const string AppBaseUrl = "http://app.example.test";

    private NotificationsApp(SmtpGate gate, LogCapture log) : base(new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = gate.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:AppBaseUrl"] = AppBaseUrl,
        ["Email:FromAddress"] = "team@example.test",
        // Every test request comes from one client address; the per-address count is left to its own test.
        ["Users:PasswordReset:FreeRequestsPerClient"] = "1000",
        // A test names a sign-in's client in X-Forwarded-For, as a proxy in front of the host would, for the new-device mail.
        ["ForwardedHeaders:KnownProxies:0"] = "::1",
        ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
    })
    {
        Gate = gate;
        Log = log;
    }

    public SmtpGate Gate { get; }
    public LogCapture Log { get; }

    public static NotificationsApp Start()
    {
        var log = new LogCapture();
        var app = new NotificationsApp(new SmtpGate(), log)
        {
            TestServices = services => services.AddSingleton<ILoggerProvider>(log),
        };
        _ = app.Services;
        return app;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gate.DisposeAsync();
    }
}
