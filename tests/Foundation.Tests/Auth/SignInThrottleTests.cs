using System.Net;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

/// <summary>
/// Sign-in throttling behind a reverse proxy: the host runs on Kestrel, trusts its loopback peer as the proxy, and
/// each request names its client in X-Forwarded-For, as a proxy would.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Operator = "operator-throttle@example.com";

    private PlatformApp app = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        app = new PlatformApp(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "::1",
            ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
            ["Users:SignInThrottle:FreeFailuresPerAccountAndAddress"] = "2",
            ["Users:SignInThrottle:FreeFailuresPerAddress"] = "8",
            ["Users:SignInThrottle:FirstDelay"] = "00:00:01",
            ["PlatformAdmins:Emails:0"] = Operator,
        });
        app.UseKestrel(0);
        app.StartServer();
        // A plain client to the real server: it answers as a browser would see it, redirects and all.
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.ClientOptions.BaseAddress };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Test]
    public async Task The_right_password_from_a_clean_address_signs_in_after_the_account_was_hammered_from_another()
    {
        var victim = await app.RegisterAsync();
        var attacker = NewAddress();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await LoginAsync(attacker, victim.Email, "guess-" + i)).StatusCode);
        }
        answers.ShouldContain(HttpStatusCode.TooManyRequests, "the attacker is held back");

        var fromHome = await LoginAsync(NewAddress(), victim.Email, victim.Password);

        fromHome.StatusCode.ShouldBe(HttpStatusCode.OK, await fromHome.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Each_failure_past_the_free_ones_makes_the_sender_wait_twice_as_long_and_says_so_in_a_429_problem()
    {
        var victim = await app.RegisterAsync();
        var attacker = NewAddress();
        (await LoginAsync(attacker, victim.Email, "guess-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(attacker, victim.Email, "guess-2")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var waits = new List<int>();
        for (var i = 3; i <= 5; i++)
        {
            (await LoginAsync(attacker, victim.Email, "guess-" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            var refused = await LoginAsync(attacker, victim.Email, victim.Password);
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
            problem.GetProperty("type").GetString().ShouldBe("https://www.rfc-editor.org/rfc/rfc6585#section-4");
            problem.GetProperty("title").GetString().ShouldBe("Too many sign-in attempts");
            problem.GetProperty("correlationId").GetString().ShouldNotBeNullOrEmpty();
            var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new AssertionException("429 without Retry-After");
            problem.GetProperty("retryAfterSeconds").GetInt32().ShouldBe((int)retryAfter.TotalSeconds);
            problem.GetProperty("detail").GetString()!.ShouldContain($"try again in {(int)retryAfter.TotalSeconds} second");
            waits.Add((int)retryAfter.TotalSeconds);
            await Task.Delay(retryAfter + TimeSpan.FromMilliseconds(100));
        }

        waits.ShouldBe([1, 2, 4]);
    }

    [Test]
    public async Task One_address_guessing_many_accounts_is_slowed_down_while_other_addresses_are_not()
    {
        var user = await app.RegisterAsync();
        var sprayer = NewAddress();
        for (var i = 0; i < 9; i++)
        {
            (await LoginAsync(sprayer, $"nobody-{i}-{Guid.NewGuid():N}@example.com", "guess")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var sprayerAgain = await LoginAsync(sprayer, $"nobody-{Guid.NewGuid():N}@example.com", "guess");
        var someoneElse = await LoginAsync(NewAddress(), user.Email, user.Password);

        (await sprayerAgain.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests)).GetProperty("retryAfterSeconds").GetInt32().ShouldBeGreaterThan(0);
        someoneElse.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Signing_in_clears_the_failures_of_that_account_from_that_address()
    {
        var user = await app.RegisterAsync();
        var address = NewAddress();
        (await LoginAsync(address, user.Email, "typo-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(address, user.Email, "typo-2")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(address, user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Without the reset these would be failures 3 and 4: the first would start a wait, the second meet it.
        (await LoginAsync(address, user.Email, "typo-3")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await LoginAsync(address, user.Email, "typo-4")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_dashboard_sign_in_is_throttled_the_same_way_and_says_which_refusal_it_is()
    {
        var operatorAccount = await app.RegisterAsync(email: Operator);
        var attacker = NewAddress();

        var wrong = await DashboardSignInAsync(attacker, Operator, "guess-1");
        await DashboardSignInAsync(attacker, Operator, "guess-2");
        await DashboardSignInAsync(attacker, Operator, "guess-3");
        var throttled = await DashboardSignInAsync(attacker, Operator, operatorAccount.Password);
        var fromElsewhere = await DashboardSignInAsync(NewAddress(), Operator, operatorAccount.Password);

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("The email or password is wrong");
        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var seconds = (int)(throttled.Headers.RetryAfter?.Delta ?? throw new AssertionException("429 without Retry-After")).TotalSeconds;
        seconds.ShouldBeGreaterThan(0);
        (await throttled.Content.ReadAsStringAsync()).ShouldContain($"try again in {seconds} second");
        fromElsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fromElsewhere.Headers.Location!.OriginalString.ShouldBe("/hangfire");
    }

    [Test]
    public async Task X_Forwarded_For_from_a_configured_proxy_names_the_client_the_throttle_counts()
    {
        var user = await app.RegisterAsync();
        var sprayer = NewAddress();
        for (var i = 0; i < 9; i++)
        {
            await LoginAsync(sprayer, $"nobody-{Guid.NewGuid():N}@example.com", "guess");
        }

        (await LoginAsync(sprayer, user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await LoginAsync(NewAddress(), user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private Task<HttpResponseMessage> LoginAsync(string from, string email, string password) => client.LoginForAsync(from, email, password);

    private Task<HttpResponseMessage> DashboardSignInAsync(string from, string email, string password) =>
        client.PostForAsync(from, "/hangfire-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = password }));

    /// <summary>A client address no other test uses (TEST-NET-3, RFC 5737).</summary>
    private static string NewAddress() => $"203.0.113.{Interlocked.Increment(ref lastHost)}";

    private static int lastHost;
}
