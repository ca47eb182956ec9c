using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Platform.SharedKernel.Security;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>
/// The OpenAI and Anthropic providers against local servers that speak their documented HTTP APIs: exact
/// request shapes, usage accounting, errors, 429 and Retry-After, fallback, moderation, cache and budget.
/// </summary>
public sealed class ProviderTests : VendorFixture
{
    protected override Dictionary<string, string?> Settings() => new()
    {
        ["AI:Prices:gpt-4o-mini:InputPerMillion"] = "2",
        ["AI:Prices:gpt-4o-mini:OutputPerMillion"] = "8",
        ["AI:Prices:claude-sonnet-5-5:InputPerMillion"] = "3",
        ["AI:Prices:claude-sonnet-5-5:OutputPerMillion"] = "15",
        ["AI:Prices:gpt-image-1:PerImage"] = "0.04",
        ["AI:Resilience:BaseDelayMilliseconds"] = "10",
        ["AI:Resilience:MaxRetries"] = "2",
        ["AI:Resilience:MinimumThroughput"] = "1000",
        ["AI:Moderation:BaseDelayMilliseconds"] = "10",
    };

    protected override void DefaultAnswers()
    {
        vendors.OpenAi.Default(ChatPath, _ => ProviderBodies.OpenAiChat("Fresh cold brew this Friday #coffee\n---\nTwo for one all weekend #coldbrew", 1000, 500));
        vendors.OpenAi.Default(ModerationsPath, request =>
            ProviderBodies.OpenAiModeration(request.Json.GetProperty("input").GetString()!.Contains("FLAGME", StringComparison.Ordinal), "violence"));
        vendors.Anthropic.Default(MessagesPath, _ => ProviderBodies.AnthropicMessage("A long post about coffee.\n\nWith a body and a call to action.", 1200, 800));
    }

    [Test]
    public async Task Captions_go_to_openai_chat_completions_in_the_documented_shape_and_are_charged_from_usage()
    {
        var tenant = await app.CreateTenantAsync();
        const string prompt = "Announce our cold brew launch on Friday";

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt, platforms = new[] { "x" }, variants = 2 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var sent = vendors.OpenAi.On(ChatPath).Single();
        sent.Method.ShouldBe("POST");
        sent.Headers["authorization"].ShouldBe("Bearer sk-test-openai");
        sent.Headers["content-type"].ShouldStartWith("application/json");
        var body = sent.Json;
        body.GetProperty("model").GetString().ShouldBe("gpt-4o-mini");
        body.GetProperty("max_completion_tokens").GetInt32().ShouldBe(600);
        body.TryGetProperty("temperature", out _).ShouldBeFalse();
        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("role").GetString()).ShouldBe(["system", "user"]);
        Text(messages[0]).ShouldContain("at most 280 characters");
        Text(messages[0]).ShouldContain("2 distinct caption variants");
        Text(messages[1]).ShouldBe(prompt);

        var result = await response.JsonAsync();
        result.GetProperty("provider").GetString().ShouldBe("openai");
        result.GetProperty("model").GetString().ShouldBe("gpt-4o-mini-2024-07-18");
        result.GetProperty("output").GetProperty("captions").EnumerateArray().Select(c => c.GetString())
            .ShouldBe(["Fresh cold brew this Friday #coffee", "Two for one all weekend #coldbrew"]);
        result.GetProperty("inputTokens").GetInt32().ShouldBe(1000);
        result.GetProperty("outputTokens").GetInt32().ShouldBe(500);
        result.GetProperty("tokensUsed").GetInt32().ShouldBe(1500);
        // 1000 x $2/M + 500 x $8/M = $0.006
        result.GetProperty("costUsd").GetDecimal().ShouldBe(0.006m);
        (await app.UsageAsync(tenant)).ShouldBe(0.006m);
    }

    [Test]
    public async Task Content_goes_to_anthropic_messages_with_the_sdk_13_headers_and_no_temperature()
    {
        var tenant = await app.CreateTenantAsync();
        const string prompt = "Write about our roastery's sourcing trip to Colombia";

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/content", new { prompt, platforms = new[] { "linkedin" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var sent = vendors.Anthropic.On(MessagesPath).Single();
        sent.Headers["authorization"].ShouldBe("Bearer sk-ant-test");
        sent.Headers["anthropic-version"].ShouldBe("2026-10-21");
        sent.Headers["content-type"].ShouldStartWith("application/json");
        var body = sent.Json;
        body.GetProperty("model").GetString().ShouldBe("claude-sonnet-5-5");
        body.GetProperty("max_tokens").GetInt32().ShouldBe(2000);
        body.TryGetProperty("temperature", out _).ShouldBeFalse();
        body.GetProperty("system").GetString()!.ShouldContain("at most 3000 characters");
        var message = body.GetProperty("messages").EnumerateArray().Single();
        message.GetProperty("role").GetString().ShouldBe("user");
        Text(message).ShouldBe(prompt);

        var result = await response.JsonAsync();
        result.GetProperty("provider").GetString().ShouldBe("anthropic");
        result.GetProperty("output").GetProperty("content").GetString().ShouldStartWith("A long post about coffee.");
        result.GetProperty("tokensUsed").GetInt32().ShouldBe(2000);
        // 1200 x $3/M + 800 x $15/M = $0.0156
        result.GetProperty("costUsd").GetDecimal().ShouldBe(0.0156m);
        (await app.UsageAsync(tenant)).ShouldBe(0.0156m);
    }

    [Test]
    public async Task An_answer_without_usage_is_charged_at_its_upper_bound_not_for_free()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Script(ChatPath, new ScriptedResponse(200, """
            {"id":"chatcmpl-nousage","object":"chat.completion","created":1732000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"#nousage"},"finish_reason":"stop"}]}
            """));

        var result = await (await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Usage-free mocha", platforms = new[] { "instagram" } })).JsonAsync();

        result.GetProperty("outputTokens").GetInt32().ShouldBe(200);
        result.GetProperty("costUsd").GetDecimal().ShouldBeGreaterThan(0.0016m);
        (await app.UsageAsync(tenant)).ShouldBe(result.GetProperty("costUsd").GetDecimal());
    }

    [Test]
    public async Task A_client_that_gives_up_mid_call_leaves_no_reservation_behind()
    {
        var tenant = await app.CreateTenantAsync();
        // Warm the path first, so the client gives up during the provider call and not before it.
        await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Warm-up doppio", platforms = new[] { "instagram" } });
        var usageBefore = await app.UsageAsync(tenant);
        vendors.OpenAi.Script(ChatPath, ProviderBodies.OpenAiChat("#late", 10, 10) with { Delay = TimeSpan.FromSeconds(6) });
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(1500));

        await Should.ThrowAsync<OperationCanceledException>(() => app.ClientFor(tenant)
            .PostAsync("/api/v1/ai/hashtags", System.Net.Http.Json.JsonContent.Create(new { text = "Abandoned ristretto", platforms = new[] { "instagram" } }), impatient.Token));

        object? status = null;
        for (var i = 0; i < 50 && status is not "FAILED"; i++)
        {
            await Task.Delay(100);
            status = await app.ScalarAsync(tenant, "SELECT status FROM ai.ai_requests WHERE input->>'text' = 'Abandoned ristretto'");
        }
        status.ShouldBe("FAILED");
        (await app.UsageAsync(tenant)).ShouldBe(usageBefore);
    }

    [Test]
    public async Task A_429_is_retried_after_the_wait_the_provider_asked_for()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Script(ChatPath, ProviderBodies.OpenAiError(429, "requests", "rate_limit_exceeded", new Dictionary<string, string> { ["retry-after"] = "1" }));
        var clock = Stopwatch.StartNew();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Rate limited espresso", platforms = new[] { "instagram" } });

        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(950));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("provider").GetString().ShouldBe("openai");
        vendors.OpenAi.On(ChatPath).Count().ShouldBe(2);
    }

    [Test]
    public async Task Anthropic_overload_and_rate_limits_are_retried_but_a_429_without_retry_after_falls_back_to_openai()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.Anthropic.Script(MessagesPath, ProviderBodies.AnthropicError(529, "overloaded_error"));
        var retried = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/content", new { prompt = "Overloaded brief", platforms = new[] { "facebook" } });
        vendors.Anthropic.On(MessagesPath).Count().ShouldBe(2);
        (await retried.JsonAsync()).GetProperty("provider").GetString().ShouldBe("anthropic");

        vendors.Anthropic.Reset();
        vendors.Anthropic.Script(MessagesPath, ProviderBodies.AnthropicError(429, "rate_limit_error", new Dictionary<string, string> { ["retry-after"] = "1" }));
        var clock = Stopwatch.StartNew();
        var waited = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/content", new { prompt = "Rate limited brief", platforms = new[] { "facebook" } });
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(950));
        vendors.Anthropic.On(MessagesPath).Count().ShouldBe(2);
        (await waited.JsonAsync()).GetProperty("provider").GetString().ShouldBe("anthropic");

        vendors.Anthropic.Reset();
        // Anthropic's spend-cap 429 carries no Retry-After: waiting cannot help, so the fallback answers at once.
        vendors.Anthropic.Script(MessagesPath, ProviderBodies.AnthropicError(429, "rate_limit_error"));
        var fallback = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/content", new { prompt = "Capped brief", platforms = new[] { "facebook" } });

        fallback.StatusCode.ShouldBe(HttpStatusCode.OK);
        vendors.Anthropic.On(MessagesPath).Count().ShouldBe(1);
        (await fallback.JsonAsync()).GetProperty("provider").GetString().ShouldBe("openai");
    }

    [Test]
    public async Task Persistent_server_errors_are_retried_then_the_fallback_provider_answers_and_is_charged()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Default(ChatPath, _ => ProviderBodies.OpenAiError(500, "server_error", null));

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Failover latte art", platforms = new[] { "instagram" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        vendors.OpenAi.On(ChatPath).Count().ShouldBe(3); // first try + 2 retries
        vendors.Anthropic.On(MessagesPath).Count().ShouldBe(1);
        var result = await response.JsonAsync();
        result.GetProperty("provider").GetString().ShouldBe("anthropic");
        result.GetProperty("costUsd").GetDecimal().ShouldBe(0.0156m);
        (await app.UsageAsync(tenant)).ShouldBe(0.0156m);
    }

    [Test]
    public async Task A_retry_after_longer_than_we_wait_goes_straight_to_the_fallback()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Script(ChatPath, ProviderBodies.OpenAiError(429, "tokens", "rate_limit_exceeded", new Dictionary<string, string> { ["retry-after"] = "120" }));
        var clock = Stopwatch.StartNew();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Impatient cortado", platforms = new[] { "instagram" } });

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        vendors.OpenAi.On(ChatPath).Count().ShouldBe(1);
        (await response.JsonAsync()).GetProperty("provider").GetString().ShouldBe("anthropic");
    }

    [Test]
    public async Task When_openai_moderation_stays_down_nothing_is_generated_or_charged_and_the_answer_is_503()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Default(ModerationsPath, _ => ProviderBodies.OpenAiError(500, "server_error", null));

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Moderation outage macchiato", platforms = new[] { "instagram" } });

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.JsonAsync()).GetProperty("title").GetString().ShouldBe("Moderation unavailable");
        vendors.OpenAi.On(ModerationsPath).Count().ShouldBe(4); // first try + 3 retries
        vendors.OpenAi.On(ChatPath).ShouldBeEmpty();
        vendors.Anthropic.On(MessagesPath).ShouldBeEmpty();
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }

    [Test]
    public async Task A_single_429_from_moderation_is_retried_and_openai_still_decides()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Script(ModerationsPath, ProviderBodies.OpenAiError(429, "requests", "rate_limit_exceeded"));

        // The local rules know nothing of this word: only OpenAI's verdict can reject it.
        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "FLAGME after a rate limit", platforms = new[] { "instagram" } });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("flagged by moderation: violence");
        vendors.OpenAi.On(ModerationsPath).Count().ShouldBe(2);
        vendors.OpenAi.On(ChatPath).ShouldBeEmpty();
    }

    [Test]
    public async Task When_moderation_of_the_answer_cannot_decide_the_answer_is_withheld_and_not_charged()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Default(ChatPath, _ => ProviderBodies.OpenAiChat("#unmoderated", 1000, 500));
        vendors.OpenAi.Default(ModerationsPath, request => request.Json.GetProperty("input").GetString()!.Contains("#unmoderated", StringComparison.Ordinal)
            ? ProviderBodies.OpenAiError(503, "server_error", null)
            : ProviderBodies.OpenAiModeration(false));

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Withheld flat white", platforms = new[] { "instagram" } });

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        vendors.OpenAi.On(ChatPath).Count().ShouldBe(1);
        (await app.UsageAsync(tenant)).ShouldBe(0m);
        (await app.ScalarAsync(tenant, "SELECT status || ' ' || cost_usd::text FROM ai.ai_requests")).ShouldBe("FAILED 0.0000000000");
    }

    [Test]
    public async Task An_exhausted_quota_is_not_retried()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Script(ChatPath, ProviderBodies.OpenAiError(429, "insufficient_quota", "insufficient_quota", new Dictionary<string, string> { ["retry-after"] = "1" }));

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Quota espresso", platforms = new[] { "instagram" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        vendors.OpenAi.On(ChatPath).Count().ShouldBe(1);
        (await response.JsonAsync()).GetProperty("provider").GetString().ShouldBe("anthropic");
    }

    [Test]
    public async Task Malformed_provider_json_is_a_502_problem_the_request_fails_and_the_budget_is_unchanged()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Default(ChatPath, _ => new ScriptedResponse(200, "{\"id\": \"chatcmpl-x\", \"choices\": [ {"));
        vendors.Anthropic.Default(MessagesPath, _ => new ScriptedResponse(200, "not json at all"));

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = "Broken provider day", platforms = new[] { "x" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        var problem = await response.JsonAsync();
        problem.GetProperty("title").GetString().ShouldBe("AI provider failed");
        problem.GetProperty("detail").GetString()!.ShouldContain("could not be read");
        vendors.OpenAi.On(ChatPath).Count().ShouldBe(1); // not transient: no retry
        (await app.UsageAsync(tenant)).ShouldBe(0m);
        var requestId = problem.GetProperty("requestId").GetString();
        var stored = await (await app.ClientFor(tenant, TenantRole.Viewer).GetAsync($"/api/v1/ai/requests/{requestId}")).JsonAsync();
        stored.GetProperty("status").GetString().ShouldBe("Failed");
        stored.GetProperty("costUsd").GetDecimal().ShouldBe(0m);
        stored.GetProperty("error").GetString()!.ShouldContain("could not be read");
    }

    [Test]
    public async Task Over_budget_no_provider_is_called()
    {
        var tenant = await app.CreateTenantAsync(budgetLimit: 0.001m);

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = "Too expensive", platforms = new[] { "x" } });

        response.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        (await response.JsonAsync()).GetProperty("limit").GetDecimal().ShouldBe(0.001m);
        vendors.OpenAi.On(ChatPath).ShouldBeEmpty();
        vendors.Anthropic.On(MessagesPath).ShouldBeEmpty();
    }

    [Test]
    public async Task A_repeated_request_is_served_from_cache_without_calling_or_charging_again()
    {
        var tenant = await app.CreateTenantAsync();
        var ask = new { text = "Cached flat white", platforms = new[] { "instagram" }, count = 4 };

        await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", ask);
        var second = await (await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", ask)).JsonAsync();

        vendors.OpenAi.On(ChatPath).Count().ShouldBe(1);
        second.GetProperty("cached").GetBoolean().ShouldBeTrue();
        second.GetProperty("provider").GetString().ShouldBe("openai");
        (await app.UsageAsync(tenant)).ShouldBe(0.006m);
    }

    [Test]
    public async Task Moderation_uses_openai_and_rejected_output_is_recorded_with_its_reason()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Default(ChatPath, _ => ProviderBodies.OpenAiChat("FLAGME this caption", 1000, 500));

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = "Moderated launch", platforms = new[] { "x" } });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var checks = vendors.OpenAi.On(ModerationsPath).Select(r => r.Json).ToList();
        checks.Count.ShouldBe(2); // the user's prompt, then the output
        checks[0].GetProperty("model").GetString().ShouldBe("omni-moderation-latest");
        checks[0].GetProperty("input").GetString().ShouldBe("Moderated launch");
        checks[1].GetProperty("input").GetString().ShouldBe("FLAGME this caption");
        vendors.OpenAi.On(ModerationsPath).First().Headers["authorization"].ShouldBe("Bearer sk-test-openai");
        var error = (string)(await app.ScalarAsync(tenant, "SELECT error FROM ai.ai_requests WHERE status = 'FAILED'"))!;
        error.ShouldBe("output flagged by moderation: violence");
        // The call was made and paid for, so it is charged even though its output is withheld.
        (await app.UsageAsync(tenant)).ShouldBe(0.006m);
    }

    [Test]
    public async Task Flagged_input_never_reaches_the_generator()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/content", new { prompt = "FLAGME please", platforms = new[] { "x" } });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        vendors.Anthropic.On(MessagesPath).ShouldBeEmpty();
        vendors.OpenAi.On(ChatPath).ShouldBeEmpty();
    }

    [Test]
    public async Task Concurrent_requests_at_the_edge_of_the_budget_never_overspend()
    {
        // Each request reserves its upper bound (a few tenths of a cent) and settles to its real cost (0.0004 USD): a 0.01 USD
        // budget lets some through, refuses the rest, and must never be exceeded however they interleave.
        vendors.OpenAi.Default(ChatPath, _ => ProviderBodies.OpenAiChat("#coffee #espresso", 100, 20));
        var tenant = await app.CreateTenantAsync(budgetLimit: 0.01m);
        var client = app.ClientFor(tenant);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            client.PostJsonAsync("/api/v1/ai/hashtags", new { text = $"Parallel espresso number {i:00}", platforms = new[] { "instagram" } })));

        var ok = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.PaymentRequired);
        ok.ShouldBeGreaterThan(0);
        ok.ShouldBeLessThan(30);
        var usage = await app.UsageAsync(tenant);
        usage.ShouldBeLessThanOrEqualTo(0.01m);
        usage.ShouldBe((decimal)(await app.ScalarAsync(tenant, "SELECT coalesce(sum(cost_usd), 0) FROM ai.ai_requests"))!);
        vendors.OpenAi.On(ChatPath).Count().ShouldBe(ok);
    }

    [Test]
    public async Task An_image_is_generated_by_a_job_and_polled()
    {
        var tenant = await app.CreateTenantAsync();
        // A whole 1×1 PNG, as b64_json carries it (https://platform.openai.com/docs/api-reference/images/object).
        const string png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        vendors.OpenAi.Script(ImagesPath, ProviderBodies.OpenAiImage(png));
        var client = app.ClientFor(tenant);

        var accepted = await client.PostJsonAsync("/api/v1/ai/images", new { prompt = "A latte with a fern in the foam" });

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var location = accepted.Headers.Location!.ToString();
        (await accepted.JsonAsync()).GetProperty("status").GetString().ShouldBe("Pending");
        var done = await client.PollAsync( location);
        done.GetProperty("status").GetString().ShouldBe("Completed");
        var item = await (await client.GetAsync($"/api/v1/media/{done.GetProperty("output").GetProperty("mediaId").GetGuid()}")).JsonAsync();
        item.GetProperty("checksumSha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromBase64String(png))));
        item.GetProperty("altText").GetString().ShouldBe("A latte with a fern in the foam");
        // The images API reports token usage: recorded, and priced at 0.04 USD an image plus 50 input tokens x 5 USD/M (appsettings).
        done.GetProperty("inputTokens").GetInt32().ShouldBe(50);
        done.GetProperty("outputTokens").GetInt32().ShouldBe(1056);
        done.GetProperty("costUsd").GetDecimal().ShouldBe(0.04025m);
        var sent = vendors.OpenAi.On(ImagesPath).Single();
        sent.Headers["authorization"].ShouldBe("Bearer sk-test-openai");
        sent.Json.GetProperty("model").GetString().ShouldBe("gpt-image-1");
        sent.Json.GetProperty("prompt").GetString().ShouldBe("A latte with a fern in the foam");
        sent.Json.GetProperty("size").GetString().ShouldBe("1024x1024");
        sent.Json.TryGetProperty("response_format", out _).ShouldBeFalse();
        (await app.UsageAsync(tenant)).ShouldBe(0.04025m);
    }

    [Test]
    public async Task A_failed_image_job_releases_its_reservation()
    {
        var tenant = await app.CreateTenantAsync();
        vendors.OpenAi.Default(ImagesPath, _ => ProviderBodies.OpenAiError(400, "invalid_request_error", "model_not_found"));
        var client = app.ClientFor(tenant);

        var accepted = await client.PostJsonAsync("/api/v1/ai/images", new { prompt = "A shut down model" });
        var done = await client.PollAsync( accepted.Headers.Location!.ToString());

        done.GetProperty("status").GetString().ShouldBe("Failed");
        done.GetProperty("error").GetString()!.ShouldContain("400");
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }

    // A message's content is a string, or a list of typed blocks.
    private static string Text(JsonElement message)
    {
        var content = message.GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(b => b.GetProperty("text").GetString()));
    }
}
