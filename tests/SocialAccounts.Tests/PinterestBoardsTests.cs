using System.Net;
using System.Text.Json;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>
/// GET /api/v1/social-accounts/{id}/boards: a Pinterest account's boards, one page at a time, read from
/// https://developers.pinterest.com/docs/api/v5/boards-list (GET /v5/boards, query page_size and bookmark; answer
/// {items:[{id, name, description, privacy, owner}], bookmark}; errors {code, message}).
/// </summary>
public sealed class PinterestBoardsTests
{
    private FakePlatform fake = null!;
    private SocialAccountsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        fake = await FakePlatform.StartAsync();
        app = new SocialAccountsApp(fake);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await fake.DisposeAsync();
    }

    [SetUp]
    public void ResetFake() => fake.Reset();

    [Test]
    public async Task The_boards_come_a_page_at_a_time_with_pinterests_bookmark_for_the_next()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.Pinterest, "549755885175", new TokenSet("pina_access", "pinr_refresh", null, "boards:read"));
        fake.On("GET", "/v5/boards", request => request.QueryValues().GetValueOrDefault("bookmark") == "Y2JVSG81"
            ? FakeResponse.Json("""{"items":[{"id":"549755885177","name":"Cakes","description":null,"privacy":"SECRET","owner":{"username":"baker"}}],"bookmark":null}""")
            : FakeResponse.Json("""{"items":[{"id":"549755885176","name":"Bread","description":"Loaves","privacy":"PUBLIC","owner":{"username":"baker"}}],"bookmark":"Y2JVSG81"}"""));
        using var viewer = app.ClientFor(tenant, Guid.NewGuid());

        var first = await JsonAsync(await viewer.GetAsync($"/api/v1/social-accounts/{id}/boards"));
        var second = await JsonAsync(await viewer.GetAsync($"/api/v1/social-accounts/{id}/boards?bookmark=Y2JVSG81"));

        first.GetProperty("boards").EnumerateArray().Select(b => (b.GetProperty("id").GetString(), b.GetProperty("name").GetString(), b.GetProperty("privacy").GetString()))
            .ShouldBe([("549755885176", "Bread", "PUBLIC")]);
        first.GetProperty("bookmark").GetString().ShouldBe("Y2JVSG81");
        second.GetProperty("boards")[0].GetProperty("name").GetString().ShouldBe("Cakes");
        second.GetProperty("bookmark").ValueKind.ShouldBe(JsonValueKind.Null);
        var asked = fake.To("GET", "/v5/boards");
        asked[0].Header("Authorization").ShouldBe("Bearer pina_access");
        asked[0].QueryValues().ShouldBe(new Dictionary<string, string> { ["page_size"] = "250" });
        asked[1].QueryValues().ShouldBe(new Dictionary<string, string> { ["page_size"] = "250", ["bookmark"] = "Y2JVSG81" });
    }

    [Test]
    public async Task Another_platforms_account_has_no_boards_and_pinterest_is_not_asked()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", new TokenSet("t", null, null, ""));
        using var viewer = app.ClientFor(tenant, Guid.NewGuid());

        var answer = await viewer.GetAsync($"/api/v1/social-accounts/{id}/boards");

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answer.Content.ReadAsStringAsync()).ShouldContain("Boards belong to Pinterest accounts");
        fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task An_account_of_another_tenant_is_not_found()
    {
        var id = await app.SeedAccountAsync(Guid.NewGuid(), SocialPlatform.Pinterest, "549755885175", new TokenSet("pina_access", null, null, ""));
        using var stranger = app.ClientFor(Guid.NewGuid(), Guid.NewGuid());

        var answer = await stranger.GetAsync($"/api/v1/social-accounts/{id}/boards");

        answer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task Pinterests_refusal_reaches_the_caller_in_its_own_words()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.Pinterest, "549755885175", new TokenSet("pina_access", null, null, ""));
        fake.On("GET", "/v5/boards", FakeResponse.Json("""{"code":29,"message":"You have exceeded your rate limit. Try again later."}""", 429));
        using var viewer = app.ClientFor(tenant, Guid.NewGuid());

        var answer = await viewer.GetAsync($"/api/v1/social-accounts/{id}/boards");

        answer.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var problem = await JsonAsync(answer, HttpStatusCode.TooManyRequests);
        problem.GetProperty("detail").GetString()!.ShouldContain("You have exceeded your rate limit. Try again later.");
        problem.GetProperty("type").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage answer, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await answer.Content.ReadAsStringAsync();
        answer.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement;
    }
}
