using System.Net;
using Platform.PlatformServers.Hosting;
using Platform.PlatformServers.LinkedIn;
using Platform.PlatformServers.Meta;
using Platform.PlatformServers.X;
using Platform.TestKit;

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
        var port = NodeCommands.FreePort();
        baseUrl = $"http://127.0.0.1:{port}";
        await x.StartAsync();
        await linkedIn.StartAsync();
        await facebook.StartAsync();
        // Each platform sends the user back to the app's callback page, the redirect URI registered for the app.
        x.RegisteredRedirectUri = baseUrl + "/accounts/callback/x";
        linkedIn.RegisteredRedirectUri = baseUrl + "/accounts/callback/linkedin";
        facebook.RegisteredRedirectUri = baseUrl + "/accounts/callback/facebook";
        var settings = new Dictionary<string, string?>
        {
            ["WebApp:RootPath"] = Path.Combine(RepositoryFolders.Web, "dist"),
            // One attempt per target: a refusal shows on the post's screen at once instead of after the retry delays.
            ["Publishing:MaxAttempts"] = "1",
            // A lost last outcome is looked up on the platform before it is left to a person: soon, in these tests.
            ["Publishing:FinalLookupDelay"] = "00:00:01",
            // The analytics test asks for fresh figures again until the published post is tracked.
            ["Analytics:RefreshCooldown"] = "00:00:01",
            // Mail goes to the local SMTP server the test command starts: the password-reset test reads its link there.
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Environment.GetEnvironmentVariable("PLATFORM_SMTP_PORT") ?? "56325",
            ["Email:Smtp:Security"] = "None",
            ["Email:AppBaseUrl"] = baseUrl,
        };
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

    // Browser tests that need the platform servers set up first have a test of their own below.
    private static readonly string[] PlannedSeparately = ["post-detail.test.mjs", "analytics-figures.test.mjs", "live-updates.test.mjs"];

    /// <summary>Every browser test file in src/Web/e2e, so a new screen's test runs without touching this class.</summary>
    public static IEnumerable<string> BrowserTestFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Web, "e2e"), "*.test.mjs")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Except(PlannedSeparately)
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(BrowserTestFiles))]
    public Task In_the_browser(string file) => RunNodeTestAsync(file);

    /// <summary>The app's component tests (npm run test:unit): no browser or host, but kept in the one test command.</summary>
    [Test]
    public Task Component_tests() => RunAsync("npm", ["run", "--silent", "test:unit"]);

    [Test]
    public Task Post_detail_shows_refusals_and_retries()
    {
        // X's create-post answers, in order: a 429 (the first post fails), a 503 (the second is unconfirmed), then successes;
        // the second post's final lookup of the timeline fails too, so only a person can settle it.
        x.Faults.RateLimit(XServer.Steps.CreateTweet, retryAfter: null).FailWithServerError(XServer.Steps.CreateTweet, 503)
            .FailWithServerError(XServer.Steps.Timeline, 503);
        return RunNodeTestAsync("post-detail.test.mjs");
    }

    [Test]
    public Task Live_updates_reach_the_open_page()
    {
        // X refuses the first post with a 429 (with one attempt, it fails and its admins are notified); the second goes out.
        x.Faults.Clear();
        x.Faults.RateLimit(XServer.Steps.CreateTweet, retryAfter: null);
        return RunNodeTestAsync("live-updates.test.mjs");
    }

    [Test]
    public async Task Analytics_shows_the_figures_the_platform_reports()
    {
        // X answers every post's public_metrics with these counts once it exists, as a post lookup would report them, and
        // the account's followers_count with this one.
        x.Followers.Set(x.UserId, 1204);
        using var stop = new CancellationTokenSource();
        var metrics = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var tweet in x.Tweets)
                {
                    x.Metrics[tweet.Id] = new XPublicMetrics(RetweetCount: 7, ReplyCount: 3, LikeCount: 42, QuoteCount: 2, BookmarkCount: 5, ImpressionCount: 1000);
                }
                await Task.Delay(100);
            }
        });
        try
        {
            await RunNodeTestAsync("analytics-figures.test.mjs");
        }
        finally
        {
            await stop.CancelAsync();
            await metrics;
        }
    }

    private Task RunNodeTestAsync(string file) => RunAsync("node", ["--test", "--test-reporter=spec", Path.Combine("e2e", file)]);

    private Task RunAsync(string program, string[] arguments) =>
        NodeCommands.RunAsync(program, arguments, new Dictionary<string, string> { ["PLATFORM_WEB_URL"] = baseUrl });

    private static void PointAt(Dictionary<string, string?> settings, string platform, PlatformServer server)
    {
        settings[$"Platforms:{platform}:ClientId"] = server.Grants.ClientId;
        settings[$"Platforms:{platform}:ClientSecret"] = server.Grants.ClientSecret;
        foreach (var (name, value) in server.Endpoints)
        {
            settings[$"Platforms:{platform}:{name}"] = value;
        }
    }
}
