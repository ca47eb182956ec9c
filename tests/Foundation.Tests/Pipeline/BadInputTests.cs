using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Platform.SharedKernel.Security;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Pipeline;

/// <summary>Every malformed request gets a clear 4xx problem and leaves the database as it was.</summary>
public sealed class BadInputTests
{
    private PlatformApp app = null!;
    private HttpClient anonymous = null!;

    [OneTimeSetUp]
    public void Start()
    {
        app = new PlatformApp(new Dictionary<string, string?> { ["Http:MaxRequestBodyBytes"] = "4096" });
        anonymous = app.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        anonymous.Dispose();
        await app.DisposeAsync();
    }

    [Test]
    public async Task Malformed_json_answers_400()
    {
        var before = await app.Database.CountAllAsync("tenants.tenants");

        var response = await anonymous.PostAsync("/api/v1/auth/register", Json("{\"tenantName\": \"x\", "));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("Malformed JSON");
        (await app.Database.CountAllAsync("tenants.tenants")).ShouldBe(before);
    }

    [Test]
    public async Task A_field_of_the_wrong_type_answers_400()
    {
        var response = await anonymous.PostAsync("/api/v1/auth/register",
            Json("{\"tenantName\": 42, \"email\": [\"a\"], \"password\": true}"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Missing_fields_answer_400_naming_them()
    {
        var response = await anonymous.PostAsync("/api/v1/auth/login", Json("{}"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("Email", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("Password", out _).ShouldBeTrue();
    }

    [Test]
    public async Task An_oversized_field_answers_400()
    {
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { tenantName = new string('x', 201), email = "big@example.com", password = TestAccounts.Password });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("TenantName", out _).ShouldBeTrue();
    }

    [Test]
    public async Task A_body_over_the_configured_size_answers_413()
    {
        var before = await app.Database.CountAllAsync("tenants.tenants");

        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { tenantName = "Big", email = "huge@example.com", password = TestAccounts.Password, displayName = new string('x', 10_000) });

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await app.Database.CountAllAsync("tenants.tenants")).ShouldBe(before);
    }

    [Test]
    public async Task A_missing_token_answers_401_problem()
    {
        await (await anonymous.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Expired_forged_and_wrong_audience_tokens_answer_401()
    {
        var owner = await app.RegisterAsync();
        var signingKey = app.Services.GetRequiredService<IOptions<JwtOptions>>().Value.SigningKey;
        var claims = new[]
        {
            new Claim("sub", owner.UserId.ToString()), new Claim("tid", owner.TenantId.ToString()),
            new Claim("role", "owner"), new Claim("tv", "0", ClaimValueTypes.Integer),
        };

        string[] tokens =
        [
            Token(claims, signingKey, "platform-api", DateTime.UtcNow.AddMinutes(-10)),
            Token(claims, "another-key-that-is-long-enough-to-sign-0123456789", "platform-api", DateTime.UtcNow.AddMinutes(10)),
            Token(claims, signingKey, "somebody-else", DateTime.UtcNow.AddMinutes(10)),
            owner.AccessToken[..^4] + "AAAA",
        ];

        foreach (var token in tokens)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await (await anonymous.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
        // The same claims, well signed and current, are accepted: the refusals above are about the token alone.
        using var valid = app.CreateClient(Token(claims, signingKey, "platform-api", DateTime.UtcNow.AddMinutes(10)));
        (await valid.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [TestCase("POST", "/api/v1/posts")]
    [TestCase("PUT", "/api/v1/posts/9a4c1f4e-8d2b-4a51-9d7e-2f0c6f3b1a10")]
    public async Task A_post_without_targets_answers_400_naming_them(string method, string path)
    {
        var owner = await app.RegisterAsync();

        var response = await owner.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = Json("{\"type\": \"text\", \"content\": \"Hello\"}"),
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("Targets", out _).ShouldBeTrue();
    }

    [Test]
    public async Task An_account_selection_without_ids_answers_400()
    {
        var owner = await app.RegisterAsync();

        var response = await owner.Client.PostAsync("/api/v1/social-accounts/connect/select", Json("{}"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("ExternalIds", out _).ShouldBeTrue();
    }

    [TestCase("page=2147483647")]
    [TestCase("page=0")]
    [TestCase("pageSize=101")]
    public async Task A_page_out_of_bounds_answers_400(string query)
    {
        var owner = await app.RegisterAsync();

        var response = await owner.Client.GetAsync("/api/v1/posts?" + query);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain(query.Split('=')[0]);
    }

    [Test]
    public async Task A_nul_in_the_query_answers_400_problem()
    {
        var owner = await app.RegisterAsync();

        var response = await owner.Client.GetAsync("/api/v1/posts?platform=%00");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("NUL");
    }

    [Test]
    public async Task A_nul_in_a_json_string_answers_400_problem_and_creates_nothing()
    {
        var owner = await app.RegisterAsync();
        var before = await app.Database.CountAllAsync("ai.prompt_templates");

        var response = await owner.Client.PostAsync("/api/v1/ai/templates", Json("{\"name\": \"a\\u0000b\", \"body\": \"Write\"}"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain("NUL");
        (await app.Database.CountAllAsync("ai.prompt_templates")).ShouldBe(before);
    }

    private static string Token(Claim[] claims, string key, string audience, DateTime expires)
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256);
        var token = new JwtSecurityToken("platform", audience, claims, expires.AddMinutes(-20), expires, credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
