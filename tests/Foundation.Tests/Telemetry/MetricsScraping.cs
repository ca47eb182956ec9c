using Platform.TestKit;

namespace Platform.Foundation.Tests.Telemetry;

/// <summary>A host served on a real loopback socket, so callers have an address, and a plain client for /metrics.</summary>
internal static class MetricsScraping
{
    public static (PlatformApp App, HttpClient Client) StartOnLoopback(Dictionary<string, string?>? settings = null)
    {
        var app = new PlatformApp(settings);
        app.UseKestrel(0);
        app.StartServer();
        return (app, new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = app.ClientOptions.BaseAddress });
    }
}
