using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Security;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Security;

/// <summary>
/// Whoever knows a key owns every tenant, so keys are checked before the host serves anything: outside Development the
/// published development keys are refused, and everywhere a missing, short or malformed key stops the start-up with a
/// message that names the setting.
/// </summary>
public sealed class HostKeyTests
{
    /// <summary>The keys the repository ships, read from appsettings.Development.json as the host reads it.</summary>
    private static readonly Dictionary<string, string?> DevelopmentFileKeys = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"))
        .Build()
        .AsEnumerable()
        .Where(setting => setting.Value is not null)
        .ToDictionary(setting => setting.Key, setting => setting.Value);

    private static IEnumerable<TestCaseData> DevelopmentKeySettings() =>
    [
        new TestCaseData("Jwt:SigningKey", DevelopmentKeys.JwtSigningKey).SetArgDisplayNames("Jwt:SigningKey"),
        new TestCaseData("Webhooks:SigningKey", DevelopmentKeys.WebhookSigningKey).SetArgDisplayNames("Webhooks:SigningKey"),
        new TestCaseData("SocialAccounts:Encryption:Keys:dev", DevelopmentKeys.TokenEncryptionKey).SetArgDisplayNames("SocialAccounts:Encryption:Keys:dev"),
        // A development key is refused in any key setting, not only its own.
        new TestCaseData("Webhooks:SigningKey", DevelopmentKeys.JwtSigningKey).SetArgDisplayNames("Webhooks:SigningKey=jwt dev key"),
    ];

    [Test]
    public void The_development_file_holds_exactly_the_keys_a_production_host_refuses()
    {
        DevelopmentFileKeys["Jwt:SigningKey"].ShouldBe(DevelopmentKeys.JwtSigningKey);
        DevelopmentFileKeys["Webhooks:SigningKey"].ShouldBe(DevelopmentKeys.WebhookSigningKey);
        DevelopmentFileKeys["SocialAccounts:Encryption:Keys:dev"].ShouldBe(DevelopmentKeys.TokenEncryptionKey);
        // And the shipped production defaults hold no key at all.
        var defaults = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();
        defaults["Jwt:SigningKey"].ShouldBeNull();
        defaults["Webhooks:SigningKey"].ShouldBeNull();
        defaults.GetSection("SocialAccounts:Encryption:Keys").GetChildren().ShouldBeEmpty();
    }

    [TestCaseSource(nameof(DevelopmentKeySettings))]
    public async Task Production_refuses_to_start_with_a_development_key_and_names_the_setting(string setting, string developmentKey)
    {
        var settings = new Dictionary<string, string?> { [setting] = developmentKey };
        if (setting.StartsWith("SocialAccounts:Encryption:", StringComparison.Ordinal))
        {
            settings["SocialAccounts:Encryption:CurrentKeyId"] = "dev";
        }

        var failure = await StartFailureAsync("Production", settings);

        failure.ShouldContain($"{setting} is a built-in development key");
        failure.ShouldContain(setting.Replace(":", "__", StringComparison.Ordinal));
    }

    [TestCase("Jwt:SigningKey", "a-key-of-31-bytes-0123456789abc", "Jwt:SigningKey is too short (31 bytes)")]
    [TestCase("Webhooks:SigningKey", "short", "Webhooks:SigningKey is too short (5 bytes)")]
    [TestCase("Webhooks:SigningKey", "", "Webhooks:SigningKey is not set")]
    [TestCase("Jwt:SigningKey", null, "Jwt:SigningKey is not set")]
    [TestCase("SocialAccounts:Encryption:Keys:k1", "AAAAAAAAAAAAAAAAAAAAAA==", "SocialAccounts:Encryption:Keys:k1 must be base64 of exactly 32 bytes")]
    [TestCase("SocialAccounts:Encryption:Keys:k1", "not base64 at all!", "SocialAccounts:Encryption:Keys:k1 must be base64 of exactly 32 bytes")]
    public async Task A_missing_short_or_malformed_key_stops_the_start_in_every_environment(string setting, string? value, string message)
    {
        foreach (var environment in new[] { "Production", "Development" })
        {
            var failure = await StartFailureAsync(environment, new Dictionary<string, string?> { [setting] = value });

            failure.ShouldContain(message, customMessage: environment);
        }
    }

    [Test]
    public async Task Production_refuses_to_start_without_a_token_encryption_key()
    {
        // Naming a current key but configuring none leaves the key set empty: nothing to fall back to.
        var failure = await StartFailureAsync("Production", new Dictionary<string, string?> { ["SocialAccounts:Encryption:CurrentKeyId"] = "k1" });

        failure.ShouldContain("SocialAccounts:Encryption:Keys:<id> is not set");
    }

    [Test]
    public async Task Production_starts_with_keys_of_its_own()
    {
        await using var app = new HostIn("Production");

        using var client = app.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Development_starts_with_the_development_keys()
    {
        await using var app = new HostIn("Development", DevelopmentFileKeys);

        using var client = app.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_token_signed_with_the_repository_development_key_is_refused_by_a_host_with_its_own_key()
    {
        await using var app = new PlatformApp();
        var owner = await app.RegisterAsync();
        var viewer = await app.AddUserAsync(owner, "viewer");
        var jwt = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JwtOptions>>().Value;

        // A viewer promoting itself to owner for ten years, as anyone who read the repository could.
        var forged = Token(jwt, DevelopmentKeys.JwtSigningKey, viewer, TimeSpan.FromDays(3650));
        using var attacker = app.CreateClient(forged);
        await (await attacker.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // The same claims under the host's key pass the signature check: the refusal above is the key's alone.
        using var genuine = app.CreateClient(Token(jwt, jwt.SigningKey, viewer, TimeSpan.FromMinutes(5)));
        (await genuine.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Token(JwtOptions jwt, string key, TestAccount user, TimeSpan lifetime) =>
        TestTokens.Mint(jwt, key, user.UserId, user.TenantId, TenantRole.Owner, tokenVersion: 0, lifetime);

    /// <returns>Every message of the failure that stopped the host from starting.</returns>
    private static async Task<string> StartFailureAsync(string environment, IDictionary<string, string?> settings)
    {
        await using var app = new HostIn(environment, settings);
        var exception = Should.Throw<Exception>(() => app.CreateClient());
        var messages = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" | ", messages);
    }

    /// <summary>The real host in another environment than the test kit's "Testing".</summary>
    private sealed class HostIn(string environment, IDictionary<string, string?>? settings = null) : PlatformApp(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
