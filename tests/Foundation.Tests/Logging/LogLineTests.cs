using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Logging;

/// <summary>
/// What log lines carry, read through a capturing provider beside the host's own: the ids of the request or job they
/// belong to, and never a secret. Real flows with every category at Trace must not leave a password, access or refresh
/// token, API key, webhook secret or Stripe key in any line: its message, its values, its scopes or its exception.
/// </summary>
public sealed class LogLineTests
{
    private static readonly string StripeKey = "sk_test_" + Guid.NewGuid().ToString("N");
    private static readonly string StripeWebhookSecret = "whsec_" + Guid.NewGuid().ToString("N");
    private readonly CapturedLogs logs = new();

    [Test]
    public async Task No_secret_of_a_real_flow_reaches_a_log_line()
    {
        await using var app = new PlatformApp(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:Console:LogLevel:Default"] = "Warning",
            ["Billing:Stripe:SecretKey"] = StripeKey,
            // Nobody listens there: the checkout's call to Stripe fails, and its failure is logged.
            ["Billing:Stripe:ApiBase"] = "http://127.0.0.1:9",
            ["Billing:Stripe:MaxNetworkRetries"] = "0",
            ["Billing:Stripe:WebhookSecrets:0"] = StripeWebhookSecret,
        })
        { TestServices = services => services.AddSingleton<ILoggerProvider>(logs) };
        var secrets = new List<string> { StripeKey, StripeWebhookSecret };

        var owner = await app.RegisterAsync();
        secrets.AddRange([owner.Password, owner.AccessToken, owner.RefreshToken]);
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = owner.Email, password = "a-wrong-password-to-log" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        secrets.Add("a-wrong-password-to-log");

        var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = owner.RefreshToken });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK, await refreshed.Content.ReadAsStringAsync());
        var tokens = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        var accessToken = tokens.GetProperty("accessToken").GetString()!;
        secrets.AddRange([accessToken, tokens.GetProperty("refreshToken").GetString()!]);
        using var signedIn = app.CreateClient(accessToken);

        var key = await signedIn.PostAsJsonAsync("/api/v1/api-keys", new { name = "Logged?", scopes = new[] { "posts:read", "webhooks:manage" } });
        key.StatusCode.ShouldBe(HttpStatusCode.Created, await key.Content.ReadAsStringAsync());
        var apiKey = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        secrets.Add(apiKey);
        using var withKey = app.CreateClient(apiKey);
        (await withKey.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var webhook = await withKey.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/hooks", eventTypes = new[] { "post.published" } });
        webhook.StatusCode.ShouldBe(HttpStatusCode.Created, await webhook.Content.ReadAsStringAsync());
        secrets.Add((await webhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!);

        var checkout = await signedIn.PostAsJsonAsync("/api/v1/billing/checkout", new { plan = "pro", interval = "month" });
        checkout.IsSuccessStatusCode.ShouldBeFalse("Stripe is unreachable here");
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/webhook")
        {
            Content = new StringContent("""{"id":"evt_1","type":"customer.subscription.updated"}""", Encoding.UTF8, "application/json"),
        };
        unsigned.Headers.TryAddWithoutValidation("Stripe-Signature", "t=1,v1=00");
        (await anonymous.SendAsync(unsigned)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The spent refresh token again: the reuse is refused (and ends the session), and logged as such.
        (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = owner.RefreshToken })).IsSuccessStatusCode.ShouldBeFalse();

        logs.Lines.Count.ShouldBeGreaterThan(100, "every category logs at Trace, so the flows above wrote plenty");
        foreach (var secret in secrets)
        {
            var leaks = logs.Lines.Where(line => line.Text.Contains(secret, StringComparison.Ordinal)).Select(line => line.Text).ToList();
            leaks.ShouldBeEmpty($"a secret ({secret[..6]}...) was logged");
        }
    }

    [Test]
    public async Task A_request_logs_its_tenant_caller_correlation_and_trace_ids()
    {
        await using var app = new PlatformApp { TestServices = services => services.AddSingleton<ILoggerProvider>(logs) };
        var owner = await app.RegisterAsync();
        const string correlationId = "scope-check-0001";

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenant");
        request.Headers.Add("X-Correlation-Id", correlationId);
        (await owner.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lines = logs.Lines.Where(line => line.Scopes.GetValueOrDefault("CorrelationId") == correlationId && line.Scopes.ContainsKey("TenantId")).ToList();
        lines.ShouldNotBeEmpty("the request's closing line is written once its caller is known");
        lines.ShouldAllBe(line => line.Scopes["TenantId"] == owner.TenantId.ToString() && line.Scopes["UserId"] == owner.UserId.ToString());
        lines.ShouldAllBe(line => line.Scopes.ContainsKey("TraceId") && line.Scopes["TraceId"].Length == 32);
    }

    [Test]
    public async Task A_request_with_an_api_key_logs_the_key_not_a_user()
    {
        await using var app = new PlatformApp { TestServices = services => services.AddSingleton<ILoggerProvider>(logs) };
        var owner = await app.RegisterAsync();
        var created = await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Scoped", scopes = new[] { "posts:read" } });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var withKey = app.CreateClient(body.GetProperty("key").GetString()!);
        const string correlationId = "scope-check-0002";

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/posts");
        request.Headers.Add("X-Correlation-Id", correlationId);
        (await withKey.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lines = logs.Lines.Where(line => line.Scopes.GetValueOrDefault("CorrelationId") == correlationId && line.Scopes.ContainsKey("TenantId")).ToList();
        lines.ShouldNotBeEmpty();
        lines.ShouldAllBe(line => line.Scopes["ApiKeyId"] == body.GetProperty("id").GetString() && !line.Scopes.ContainsKey("UserId"));
    }

    [Test]
    public async Task A_job_logs_its_name_and_tenant()
    {
        await using var app = new PlatformApp { TestServices = services => services.AddSingleton<ILoggerProvider>(logs) };
        var owner = await app.RegisterAsync();

        var invited = await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email = $"scoped-{Guid.NewGuid():N}@example.com", role = "editor" });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<CapturedLine> lines;
        while ((lines = [.. logs.Lines.Where(line => line.Scopes.GetValueOrDefault("Job") == "SendMailJob.SendAsync")]).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        lines.ShouldNotBeEmpty("the mail job logs the mail it sent");
        lines.ShouldAllBe(line => line.Scopes["TenantId"] == owner.TenantId.ToString() && line.Scopes.ContainsKey("JobId"));
    }
}
