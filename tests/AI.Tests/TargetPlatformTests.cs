using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Platform.AI.Generation;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>
/// Generation is only for platforms the tenant has connected, and its text fits their length rules as SocialAccounts
/// counts them (the rules publishing enforces).
/// </summary>
public sealed class TargetPlatformTests
{
    private const string ChatPath = "/v1/chat/completions";

    private FakeProviderServer openAi = null!;
    private AiApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        openAi = await FakeProviderServer.StartAsync();
        openAi.Default(ChatPath, _ => ProviderBodies.OpenAiChat("Launch day is here", 10, 10));
        openAi.Default("/v1/moderations", _ => ProviderBodies.OpenAiModeration(flagged: false));
        openAi.Default("/v1/images/generations", _ => ProviderBodies.OpenAiImage(Convert.ToBase64String("png"u8.ToArray())));
        // Only OpenAI is configured, so it answers every type and moderates: nothing reaches a provider unseen.
        app = new AiApp(new Dictionary<string, string?>
        {
            ["AI:OpenAI:ApiKey"] = "sk-test",
            ["AI:OpenAI:BaseUrl"] = openAi.BaseUrl + "/v1",
        });
        _ = app.Services;
    }

    [SetUp]
    public void Reset() => openAi.Reset();

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await openAi.DisposeAsync();
    }

    [TestCase("/api/v1/ai/captions", """{"prompt":"Launch day","platforms":["x","linkedin"]}""")]
    [TestCase("/api/v1/ai/content", """{"prompt":"Launch day","platforms":["linkedin"]}""")]
    [TestCase("/api/v1/ai/hashtags", """{"text":"Launch day","platforms":["linkedin","x"]}""")]
    [TestCase("/api/v1/ai/improve", """{"content":"Launch day","goal":"shorter","platforms":["linkedin"]}""")]
    [TestCase("/api/v1/ai/images", """{"prompt":"Launch day","platforms":["linkedin"]}""")]
    public async Task A_platform_the_tenant_has_not_connected_is_a_422_that_costs_nothing_and_reaches_no_provider(string path, string json)
    {
        var tenant = await app.CreateTenantAsync(connected: [SocialPlatform.X]);

        var response = await app.ClientFor(tenant).PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("title").GetString().ShouldBe("Platform not connected");
        problem.GetProperty("detail").GetString()!.ShouldContain("No linkedin account is connected; connect one first.");
        problem.GetProperty("platforms").EnumerateObject().Select(p => p.Name).ShouldBe(["linkedin"]);
        (await app.UsageAsync(tenant)).ShouldBe(0m);
        (await app.ScalarAsync(tenant, "SELECT count(*) FROM ai.ai_requests")).ShouldBe(0L);
        openAi.Received.ShouldBeEmpty();
    }

    [TestCase("expired", "Expired")]
    [TestCase("revoked", "Revoked")]
    [TestCase("needs_reconnect", "NeedsReconnect")]
    public async Task An_account_that_must_be_reconnected_does_not_count_as_connected(string status, string shown)
    {
        var tenant = await app.CreateTenantAsync(connected: []);
        await app.ConnectAccountAsync(tenant, SocialPlatform.X, status);

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = "Launch day", platforms = new[] { "x" } });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync()).GetProperty("platforms").GetProperty("x").GetString().ShouldBe($"The x account is {shown}; reconnect it first.");
        (await app.UsageAsync(tenant)).ShouldBe(0m);
        openAi.Received.ShouldBeEmpty();
    }

    [Test]
    public async Task One_active_account_connects_its_platform_whatever_the_others_on_it()
    {
        var tenant = await app.CreateTenantAsync(connected: [SocialPlatform.X]);
        await app.ConnectAccountAsync(tenant, SocialPlatform.X, "revoked");

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = "Launch day", platforms = new[] { "twitter" }, variants = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        openAi.On(ChatPath).Count().ShouldBe(1);
        (await app.UsageAsync(tenant)).ShouldBeGreaterThan(0m);
    }

    [Test]
    public async Task An_x_caption_is_cut_to_280_characters_as_x_weighs_them()
    {
        // 200 CJK characters: under 280 characters, but 400 as X weighs them (2 each, like its ellipsis).
        openAi.Script(ChatPath, ProviderBodies.OpenAiChat(new string('日', 200) + "\n---\nShort one 👍", 10, 10));
        var tenant = await app.CreateTenantAsync();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = "Tokyo opening", platforms = new[] { "x" }, variants = 2 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var captions = (await response.JsonAsync()).GetProperty("output").GetProperty("captions").EnumerateArray().Select(c => c.GetString()!).ToList();
        captions.ShouldBe([new string('日', 139) + "…", "Short one 👍"]);
        captions.ShouldAllBe(c => ContentRules.CountLength(SocialPlatform.X, c) <= 280);
    }

    [Test]
    public async Task Pinterest_text_is_held_to_the_800_characters_SocialAccounts_allows()
    {
        var fitting = string.Join(' ', Enumerable.Repeat("pins", 140));
        var tooLong = string.Join(' ', Enumerable.Repeat("boards", 130));
        openAi.Script(ChatPath, ProviderBodies.OpenAiChat(fitting, 10, 10), ProviderBodies.OpenAiChat(tooLong, 10, 10));
        var client = app.ClientFor(await app.CreateTenantAsync());

        var kept = await client.PostJsonAsync("/api/v1/ai/content", new { prompt = "Pin ideas", platforms = new[] { "pinterest" } });
        var cut = await client.PostJsonAsync("/api/v1/ai/content", new { prompt = "Board ideas", platforms = new[] { "pinterest" } });

        Content(await kept.JsonAsync()).ShouldBe(fitting);
        var cutText = Content(await cut.JsonAsync());
        cutText.ShouldEndWith("boards…");
        ContentRules.CountLength(SocialPlatform.Pinterest, cutText).ShouldBeInRange(790, ContentRules.MaxTextLength(SocialPlatform.Pinterest));
        ContentRules.MaxTextLength(SocialPlatform.Pinterest).ShouldBe(800);
        openAi.On(ChatPath).First().Json.GetProperty("messages")[0].GetProperty("content").GetString()!.ShouldContain("at most 800 characters");
    }

    [Test]
    public void Every_platform_has_a_hashtag_convention() =>
        SocialPlatforms.All.ShouldAllBe(platform => app.Services.GetRequiredService<IHashtagConventions>().For(platform).Advice.Length > 0);

    private IContentRules ContentRules => app.Services.GetRequiredService<IContentRules>();

    private static string Content(System.Text.Json.JsonElement body) => body.GetProperty("output").GetProperty("content").GetString()!;
}
