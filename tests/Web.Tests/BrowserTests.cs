using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Platform.PlatformServers.Hosting;
using Platform.PlatformServers.LinkedIn;
using Platform.PlatformServers.Meta;
using Platform.PlatformServers.X;
using Platform.TestKit;
using Shouldly;

namespace Platform.Web.Tests;

/// <summary>
/// The built web app (src/Web/dist, from npm run build) in Debian's Chromium, against the real host listening on a
/// port with its own PostgreSQL database and Redis, and X at the local server written from X's documentation. The browser
/// steps are node tests in src/Web/e2e (playwright-core); their screenshots land in src/Web/e2e/screenshots (git-ignored).
/// </summary>
[NonParallelizable]
public sealed class BrowserTests
{
    private readonly XServer x = new();
    private readonly LinkedInServer linkedIn = new();
    // A Facebook user managing two Pages: connecting asks which ones.
    private readonly FacebookServer facebook = new() { OtherPages = [("104520000000002", "Second Page")] };
    private PlatformApp app = null!;
    private string baseUrl = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var port = FreePort();
        baseUrl = $"http://127.0.0.1:{port}";
        await x.StartAsync();
        await linkedIn.StartAsync();
        await facebook.StartAsync();
        // Each platform sends the user back to the app's callback page, the redirect URI registered for the app.
        x.RegisteredRedirectUri = baseUrl + "/accounts/callback/x";
        linkedIn.RegisteredRedirectUri = baseUrl + "/accounts/callback/linkedin";
        facebook.RegisteredRedirectUri = baseUrl + "/accounts/callback/facebook";
        var settings = new Dictionary<string, string?> { ["WebApp:RootPath"] = Path.Combine(RepositoryFolders.Web, "dist") };
        PointAt(settings, "X", x);
        PointAt(settings, "LinkedIn", linkedIn);
        PointAt(settings, "Facebook", facebook);
        app = new PlatformApp(settings);
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        app.StartServer();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await x.DisposeAsync();
        await linkedIn.DisposeAsync();
        await facebook.DisposeAsync();
    }

    [TestCase("sign-up-and-in.test.mjs")]
    [TestCase("sign-in-errors.test.mjs")]
    [TestCase("connect-account.test.mjs")]
    [TestCase("compose-and-calendar.test.mjs")]
    public async Task In_the_browser(string file)
    {
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", Path.Combine("e2e", file)])
        {
            WorkingDirectory = RepositoryFolders.Web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PLATFORM_WEB_URL"] = baseUrl;
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await node.WaitForExitAsync(timeout.Token);
        await TestContext.Out.WriteLineAsync(await output + await errors);

        node.ExitCode.ShouldBe(0, await output + await errors);
    }

    private static void PointAt(Dictionary<string, string?> settings, string platform, PlatformServer server)
    {
        settings[$"Platforms:{platform}:ClientId"] = server.Grants.ClientId;
        settings[$"Platforms:{platform}:ClientSecret"] = server.Grants.ClientSecret;
        foreach (var (name, value) in server.Endpoints)
        {
            settings[$"Platforms:{platform}:{name}"] = value;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
