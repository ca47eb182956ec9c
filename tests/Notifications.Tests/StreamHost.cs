using Platform.TestKit;

namespace Platform.Notifications.Tests;

/// <summary>The real host on Kestrel (streams are read over real HTTP), mailing to the local SMTP server, with quick heartbeats.</summary>
internal static class StreamHost
{
    public static PlatformApp Start(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Smtp4dev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Notifications:Stream:HeartbeatInterval"] = "00:00:00.300",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var app = new PlatformApp(values);
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    /// <summary>Settings that put another host on <paramref name="app"/>'s database and Redis namespace.</summary>
    public static Dictionary<string, string?> SameDeployment(PlatformApp app) => new()
    {
        ["ConnectionStrings:Platform"] = app.Database.AppConnectionString,
        ["ConnectionStrings:Owner"] = app.Database.OwnerConnectionString,
        ["Redis:InstanceName"] = app.Database.Name + ":",
    };
}
