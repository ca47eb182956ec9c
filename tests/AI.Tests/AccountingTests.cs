using System.Net;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>
/// What a request records and charges, against local OpenAI and Anthropic servers: the exact priced cost of the usage
/// they report, the vendor and model that really answered or failed after a fallback, and how many items came back.
/// </summary>
public sealed class AccountingTests : VendorFixture
{
    protected override Dictionary<string, string?> Settings() => new()
    {
        ["AI:Prices:gpt-4o-mini:InputPerMillion"] = "0.15",
        ["AI:Prices:gpt-4o-mini:OutputPerMillion"] = "0.6",
        ["AI:Prices:claude-sonnet-5-5:InputPerMillion"] = "3",
        ["AI:Prices:claude-sonnet-5-5:OutputPerMillion"] = "15",
        ["AI:Resilience:BaseDelayMilliseconds"] = "10",
        ["AI:Resilience:MaxRetries"] = "0",
        ["AI:Resilience:MinimumThroughput"] = "1000",
        ["AI:Moderation:Provider"] = "local",
    };

    protected override void DefaultAnswers()
    {
        vendors.OpenAi.Default(ChatPath, _ => ProviderBodies.OpenAiChat("#coffee #espresso", 20, 7));
        vendors.Anthropic.Default(MessagesPath, _ => ProviderBodies.AnthropicMessage("#claude #coffee", 30, 9));
    }

    [Test]
    public async Task A_tiny_call_is_charged_its_tokens_times_the_price_with_no_rounding_up()
    {
        var tenant = await app.CreateTenantAsync();

        var result = await (await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Tiny cortado", platforms = new[] { "instagram" } })).JsonAsync();

        // 20 x 0.15 USD/M + 7 x 0.6 USD/M = 0.0000072 USD (rounding up to 0.0001 would charge 14 times that).
        result.GetProperty("costUsd").GetDecimal().ShouldBe(0.0000072m);
        (await app.UsageAsync(tenant)).ShouldBe(0.0000072m);
        (await app.ScalarAsync(tenant, "SELECT cost_usd FROM ai.ai_requests")).ShouldBe(0.0000072m);
        vendors.OpenAi.On(ModerationsPath).ShouldBeEmpty(); // local rules by configuration
    }

    [Test]
    public async Task After_a_fallback_the_record_names_anthropic_and_its_claude_model()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Default(ChatPath, _ => ProviderBodies.OpenAiError(500, "server_error", null));

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Fallback mocha", platforms = new[] { "instagram" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        result.GetProperty("provider").GetString().ShouldBe("anthropic");
        result.GetProperty("model").GetString().ShouldBe("claude-sonnet-5-5");
        (await app.ScalarAsync(tenant, "SELECT provider || ' ' || model FROM ai.ai_requests")).ShouldBe("anthropic claude-sonnet-5-5");
        // 30 x 3 USD/M + 9 x 15 USD/M
        (await app.UsageAsync(tenant)).ShouldBe(0.000225m);
    }

    [Test]
    public async Task When_every_vendor_fails_the_error_and_record_name_the_last_one_tried_with_its_own_model()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Default(ChatPath, _ => ProviderBodies.OpenAiError(500, "server_error", null));
        vendors.Anthropic.Default(MessagesPath, _ => ProviderBodies.AnthropicError(400, "invalid_request_error"));

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Nobody answers", platforms = new[] { "instagram" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        var problem = await response.JsonAsync();
        problem.GetProperty("provider").GetString().ShouldBe("anthropic");
        problem.GetProperty("model").GetString().ShouldBe("claude-sonnet-5-5");
        problem.GetProperty("detail").GetString()!.ShouldContain("openai answered HTTP 500. Then anthropic answered HTTP 400.");
        (await app.ScalarAsync(tenant, "SELECT provider || ' ' || model FROM ai.ai_requests")).ShouldBe("anthropic claude-sonnet-5-5");
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }

    [Test]
    public async Task Fewer_caption_variants_than_asked_are_said_in_the_answer()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Default(ChatPath, _ => ProviderBodies.OpenAiChat("Only one idea today", 40, 6));

        var result = await (await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = "Three please", platforms = new[] { "x" }, variants = 3 })).JsonAsync();

        var output = result.GetProperty("output");
        output.GetProperty("captions").GetArrayLength().ShouldBe(1);
        output.GetProperty("requested").GetInt32().ShouldBe(3);
        output.GetProperty("returned").GetInt32().ShouldBe(1);
    }

    [Test]
    public async Task Fewer_hashtags_than_asked_are_said_in_the_answer()
    {
        var tenant = await app.CreateTenantAsync();

        var result = await (await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Ten tags please", platforms = new[] { "instagram" }, count = 10 })).JsonAsync();

        var output = result.GetProperty("output");
        output.GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["#coffee", "#espresso"]);
        output.GetProperty("requested").GetInt32().ShouldBe(10);
        output.GetProperty("returned").GetInt32().ShouldBe(2);
    }
}
