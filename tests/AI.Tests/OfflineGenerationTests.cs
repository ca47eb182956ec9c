using System.Net;
using System.Text.Json;
using Platform.SharedKernel.Security;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>With no provider configured the offline provider answers, from the input itself, through the whole flow.</summary>
public sealed class OfflineGenerationTests
{
    internal const string Story =
        "Our new cold brew coffee launches Friday at the Riverside cafe. " +
        "Each batch steeps for eighteen hours, so the coffee tastes smooth and sweet without sugar. " +
        "Bring a friend and get two cold brew coffees for the price of one all weekend. " +
        "We roast every bean in house, and the cafe opens at seven.";

    private AiApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = new AiApp(new Dictionary<string, string?>
    {
        // Priced so the budget matters even offline.
        ["AI:Prices:offline-text-v1:InputPerMillion"] = "100",
        ["AI:Prices:offline-text-v1:OutputPerMillion"] = "100",
        ["AI:Moderation:BlockedTerms:0"] = "Brand X",
    });

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Captions_are_chosen_from_the_input_and_fit_the_strictest_platform()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);

        var response = await client.PostJsonAsync("/api/v1/ai/captions", new { prompt = Story, platforms = new[] { "instagram", "twitter" }, variants = 3 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body.GetProperty("provider").GetString().ShouldBe("offline");
        body.GetProperty("status").GetString().ShouldBe("Completed");
        var captions = body.GetProperty("output").GetProperty("captions").EnumerateArray().Select(c => c.GetString()!).ToList();
        captions.Count.ShouldBe(3);
        captions.Distinct().Count().ShouldBe(3);
        captions.ShouldAllBe(c => c.Length <= 280);
        // Real sentence selection: each variant leads with a sentence of the input.
        captions.ShouldAllBe(c => Story.Contains(c.Split(". ", StringSplitOptions.None)[0].TrimEnd('…')));
        captions[0].ShouldContain("cold brew");
        body.GetProperty("input").GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).ShouldBe(["instagram", "x"]);
    }

    [Test]
    public async Task Hashtags_come_from_the_key_terms_and_follow_platform_conventions()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);

        var instagram = await (await client.PostJsonAsync("/api/v1/ai/hashtags", new { text = Story, platforms = new[] { "instagram" }, count = 6 })).JsonAsync();
        var x = await (await client.PostJsonAsync("/api/v1/ai/hashtags", new { text = Story, platforms = new[] { "x" }, count = 6 })).JsonAsync();
        var reddit = await (await client.PostJsonAsync("/api/v1/ai/hashtags", new { text = Story, platforms = new[] { "reddit" }, count = 6 })).JsonAsync();

        var tags = Tags(instagram);
        tags.Count.ShouldBe(6);
        tags[0].ShouldBe("#coffee");
        tags.ShouldContain("#brew");
        tags.ShouldContain("#cafe");
        tags.ShouldNotContain("#the");
        Tags(x).Count.ShouldBe(2);
        Tags(reddit).ShouldBeEmpty();
    }

    [Test]
    public async Task Long_form_content_and_improvements_work_on_the_text()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);

        var content = await (await client.PostJsonAsync("/api/v1/ai/content", new { prompt = Story, platforms = new[] { "linkedin" } })).JsonAsync();
        var shorter = await (await client.PostJsonAsync("/api/v1/ai/improve", new { content = Story, goal = "shorter", platforms = new[] { "linkedin" } })).JsonAsync();
        var formal = await (await client.PostJsonAsync("/api/v1/ai/improve",
            new { content = "Don't miss it, we're opening early. It's free!", goal = "change_tone", tone = "formal", platforms = new[] { "facebook" } })).JsonAsync();
        var adapted = await (await client.PostJsonAsync("/api/v1/ai/improve", new { content = Story + " " + Story, goal = "adapt_to_platform", platforms = new[] { "threads" } })).JsonAsync();

        var longForm = Text(content);
        longForm.ShouldContain("Each batch steeps for eighteen hours");
        longForm.ShouldContain("Key points: coffee");
        Text(shorter).Length.ShouldBeLessThan(Story.Length);
        Text(shorter).ShouldContain("cold brew");
        Text(formal).ShouldBe("Do not miss it, we are opening early. It is free!");
        Text(adapted).Length.ShouldBeLessThanOrEqualTo(500);
        Text(adapted).ShouldEndWith("#coffee");
    }

    [Test]
    public async Task Past_requests_are_listed_newest_first_in_pages_and_read_one_by_one()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);
        var first = await (await client.PostJsonAsync("/api/v1/ai/hashtags", new { text = "Sunrise yoga on the beach", platforms = new[] { "instagram" } })).JsonAsync();
        var second = await (await client.PostJsonAsync("/api/v1/ai/captions", new { prompt = "Sunset yoga on the pier. Mats provided.", platforms = new[] { "tiktok" }, variants = 1 })).JsonAsync();
        var viewer = app.ClientFor(tenant, TenantRole.Viewer);

        var page = await (await viewer.GetAsync("/api/v1/ai/requests?page=1&pageSize=1")).JsonAsync();
        var hashtagsOnly = await (await viewer.GetAsync("/api/v1/ai/requests?type=Hashtags")).JsonAsync();
        var one = await viewer.GetAsync($"/api/v1/ai/requests/{first.GetProperty("id").GetString()}");

        page.GetProperty("totalCount").GetInt64().ShouldBe(2);
        page.GetProperty("totalPages").GetInt32().ShouldBe(2);
        page.GetProperty("items")[0].GetProperty("id").GetString().ShouldBe(second.GetProperty("id").GetString());
        hashtagsOnly.GetProperty("items").GetArrayLength().ShouldBe(1);
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await one.JsonAsync();
        stored.GetProperty("input").GetProperty("text").GetString().ShouldBe("Sunrise yoga on the beach");
        stored.GetProperty("output").GetProperty("hashtags").GetArrayLength().ShouldBeGreaterThan(0);
        stored.GetProperty("model").GetString().ShouldBe("offline-text-v1");
        stored.GetProperty("tokensUsed").GetInt32().ShouldBeGreaterThan(0);
        stored.GetProperty("costUsd").GetDecimal().ShouldBeGreaterThan(0);
        (await viewer.GetAsync($"/api/v1/ai/requests/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Another_tenant_cannot_see_the_requests()
    {
        var owner = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var created = await (await app.ClientFor(owner).PostJsonAsync("/api/v1/ai/hashtags", new { text = "Private launch plans", platforms = new[] { "x" } })).JsonAsync();
        var intruder = app.ClientFor(other, TenantRole.Owner);

        (await intruder.GetAsync($"/api/v1/ai/requests/{created.GetProperty("id").GetString()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await intruder.GetAsync("/api/v1/ai/requests")).JsonAsync()).GetProperty("totalCount").GetInt64().ShouldBe(0);
    }

    [Test]
    public async Task A_viewer_may_list_but_not_generate()
    {
        var tenant = await app.CreateTenantAsync();
        var viewer = app.ClientFor(tenant, TenantRole.Viewer);

        (await viewer.PostJsonAsync("/api/v1/ai/captions", new { prompt = Story, platforms = new[] { "x" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.GetAsync("/api/v1/ai/requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.CreateClient().GetAsync("/api/v1/ai/requests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [TestCase("/api/v1/ai/captions", """{"prompt":"","platforms":["x"]}""", "prompt")]
    [TestCase("/api/v1/ai/captions", """{"prompt":"   ","platforms":["x"]}""", "prompt")]
    [TestCase("/api/v1/ai/content", """{"prompt":"Hello","platforms":["myspace"]}""", "platforms")]
    [TestCase("/api/v1/ai/content", """{"prompt":"Hello","platforms":[]}""", "platforms")]
    [TestCase("/api/v1/ai/captions", """{"prompt":"Hello","platforms":["x"],"variants":9}""", "variants")]
    [TestCase("/api/v1/ai/improve", """{"content":"Hello","goal":"funnier","platforms":["x"]}""", "goal")]
    [TestCase("/api/v1/ai/improve", """{"content":"Hello","goal":"change_tone","platforms":["x"]}""", "tone")]
    [TestCase("/api/v1/ai/hashtags", """{"text":"Hello","platforms":["x"],"count":0}""", "count")]
    public async Task Bad_input_is_a_validation_problem_and_costs_nothing(string path, string json, string field)
    {
        var tenant = await app.CreateTenantAsync();

        var response = await app.ClientFor(tenant).PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name.ToLowerInvariant()).ShouldContain(field);
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }

    [Test]
    public async Task An_oversized_prompt_or_unknown_request_type_is_refused()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);

        var oversized = await client.PostJsonAsync("/api/v1/ai/captions", new { prompt = new string('a', 4001), platforms = new[] { "x" } });
        var unknownType = await client.GetAsync("/api/v1/ai/requests?type=Poem");
        var unknownEndpoint = await client.PostJsonAsync("/api/v1/ai/poems", new { prompt = "Hello", platforms = new[] { "x" } });

        oversized.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await oversized.JsonAsync()).GetProperty("errors").GetProperty("Prompt")[0].GetString()!.ShouldContain("4000");
        unknownType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknownEndpoint.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }

    [Test]
    public async Task Over_budget_answers_402_naming_the_limit_and_records_the_refusal()
    {
        var tenant = await app.CreateTenantAsync(budgetLimit: 0.01m);

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/content", new { prompt = Story, platforms = new[] { "linkedin" } });

        response.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        var problem = await response.JsonAsync();
        problem.GetProperty("limit").GetDecimal().ShouldBe(0.01m);
        problem.GetProperty("detail").GetString()!.ShouldContain("0.01");
        (await app.UsageAsync(tenant)).ShouldBe(0m);
        var status = await app.ScalarAsync(tenant, "SELECT status FROM ai.ai_requests");
        status.ShouldBe("FAILED");
    }

    [Test]
    public async Task Concurrent_requests_at_the_edge_of_the_budget_never_overspend()
    {
        // Each caption reserves ~0.07 USD (its upper bound) and settles far lower; 0.3 USD fits only a few at once.
        var tenant = await app.CreateTenantAsync(budgetLimit: 0.3m);
        var client = app.ClientFor(tenant);

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            client.PostJsonAsync("/api/v1/ai/captions", new { prompt = $"{Story} Offer number {i:00}.", platforms = new[] { "x" }, variants = 2 })));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.PaymentRequired);
        statuses.ShouldContain(HttpStatusCode.OK);
        statuses.ShouldContain(HttpStatusCode.PaymentRequired);
        var usage = await app.UsageAsync(tenant);
        usage.ShouldBeLessThanOrEqualTo(0.3m);
        // No reservation leaked: what is used is exactly what the completed requests cost.
        usage.ShouldBe((decimal)(await app.ScalarAsync(tenant, "SELECT coalesce(sum(cost_usd), 0) FROM ai.ai_requests"))!);
        (await app.ScalarAsync(tenant, "SELECT count(*) FROM ai.ai_requests WHERE status = 'PENDING'")).ShouldBe(0L);
        (await app.ScalarAsync(tenant, "SELECT count(*) FROM ai.ai_requests WHERE status = 'COMPLETED'"))
            .ShouldBe((long)statuses.Count(s => s == HttpStatusCode.OK));
    }

    [Test]
    public async Task An_identical_request_is_answered_from_the_cache_without_a_second_charge()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);
        var ask = new { text = "Cache me if you can: espresso tasting night", platforms = new[] { "instagram" }, count = 5 };

        var first = await (await client.PostJsonAsync("/api/v1/ai/hashtags", ask)).JsonAsync();
        var usageAfterFirst = await app.UsageAsync(tenant);
        var second = await (await client.PostJsonAsync("/api/v1/ai/hashtags", ask)).JsonAsync();
        var otherTenant = await app.CreateTenantAsync();
        var elsewhere = await (await app.ClientFor(otherTenant).PostJsonAsync("/api/v1/ai/hashtags", ask)).JsonAsync();

        usageAfterFirst.ShouldBeGreaterThan(0m);
        second.GetProperty("cached").GetBoolean().ShouldBeTrue();
        second.GetProperty("costUsd").GetDecimal().ShouldBe(0m);
        second.GetProperty("output").GetRawText().ShouldBe(first.GetProperty("output").GetRawText());
        (await app.UsageAsync(tenant)).ShouldBe(usageAfterFirst);
        elsewhere.GetProperty("cached").GetBoolean().ShouldBeFalse();
    }

    [Test]
    public async Task Harmful_input_is_rejected_by_the_local_rules_and_recorded()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = "Where to buy cocaine cheap tonight", platforms = new[] { "x" } });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("illicit");
        (await app.ScalarAsync(tenant, "SELECT error FROM ai.ai_requests WHERE status = 'FAILED'") as string)!.ShouldContain("illicit");
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }

    [Test]
    public async Task A_reservation_left_by_a_crash_is_released_before_the_next_request_is_judged()
    {
        // A crash between reserve and settle: usage holds 0.5 for a request still PENDING an hour later.
        var tenant = await app.CreateTenantAsync(budgetLimit: 0.5m, usage: 0.5m);
        var crashed = Guid.NewGuid();
        await app.ScalarAsync(tenant, """
            INSERT INTO ai.ai_requests (id, tenant_id, type, status, input, reserved_usd, created_at)
            VALUES ($1, $2, 'CONTENT', 'PENDING', '{}', 0.5, now() - interval '1 hour') RETURNING 1
            """, crashed, tenant);
        var young = Guid.NewGuid();
        await app.ScalarAsync(tenant, """
            INSERT INTO ai.ai_requests (id, tenant_id, type, status, input, reserved_usd, created_at)
            VALUES ($1, $2, 'CONTENT', 'PENDING', '{}', 0, now()) RETURNING 1
            """, young, tenant);

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/hashtags", new { text = "After the crash", platforms = new[] { "x" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cost = (await response.JsonAsync()).GetProperty("costUsd").GetDecimal();
        (await app.UsageAsync(tenant)).ShouldBe(cost);
        (await app.ScalarAsync(tenant, "SELECT status FROM ai.ai_requests WHERE id = $1", crashed)).ShouldBe("FAILED");
        // A request still within its time is not touched.
        (await app.ScalarAsync(tenant, "SELECT status FROM ai.ai_requests WHERE id = $1", young)).ShouldBe("PENDING");
    }

    [Test]
    public async Task The_deployments_blocked_terms_are_rejected()
    {
        var tenant = await app.CreateTenantAsync();

        var response = await app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/content", new { prompt = "Why we beat brand x on taste", platforms = new[] { "x" } });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("blocked term");
    }

    [Test]
    public async Task An_image_is_drawn_offline_by_a_job_and_polled()
    {
        var tenant = await app.CreateTenantAsync();
        var client = app.ClientFor(tenant);

        var accepted = await client.PostJsonAsync("/api/v1/ai/images", new { prompt = "Sunrise over a lavender field", platforms = new[] { "pinterest" } });

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var done = await client.PollAsync(accepted.Headers.Location!.ToString());
        done.GetProperty("status").GetString().ShouldBe("Completed");
        done.GetProperty("provider").GetString().ShouldBe("offline");
        // The image lands in the tenant's media library: the answer names the item, the prompt becomes its alt text.
        var output = done.GetProperty("output");
        output.TryGetProperty("image", out _).ShouldBeFalse();
        var item = await (await client.GetAsync($"/api/v1/media/{output.GetProperty("mediaId").GetGuid()}")).JsonAsync();
        item.GetProperty("contentType").GetString().ShouldBe("image/png");
        item.GetProperty("width").GetInt32().ShouldBe(256);
        item.GetProperty("altText").GetString().ShouldBe("Sunrise over a lavender field");
        done.GetProperty("input").ToString().ShouldContain("Sunrise over a lavender field");
        (await app.ScalarAsync(tenant, "SELECT count(*) FROM ai.ai_requests WHERE user_id IS NOT NULL")).ShouldBe(1L);
    }

    [Test]
    public async Task The_ai_endpoints_are_in_the_openapi_document()
    {
        var document = await (await app.CreateClient().GetAsync("/swagger/v1/swagger.json")).JsonAsync();

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/ai/captions");
        paths.ShouldContain("/api/v1/ai/content");
        paths.ShouldContain("/api/v1/ai/hashtags");
        paths.ShouldContain("/api/v1/ai/improve");
        paths.ShouldContain("/api/v1/ai/images");
        paths.ShouldContain("/api/v1/ai/requests");
        paths.ShouldContain("/api/v1/ai/requests/{id}");
        paths.ShouldContain("/api/v1/ai/templates/{id}");
    }

    private static List<string> Tags(JsonElement body) =>
        body.GetProperty("output").GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()!).ToList();

    private static string Text(JsonElement body) => body.GetProperty("output").GetProperty("content").GetString()!;
}
