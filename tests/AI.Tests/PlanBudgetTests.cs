using System.Net;
using Shouldly;

namespace Platform.AI.Tests;

/// <summary>The monthly AI budget is the plan's (here 0.3 USD), a tenant's own lower cap wins, and each month starts from zero.</summary>
public sealed class PlanBudgetTests
{
    private AiApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = new AiApp(new Dictionary<string, string?>
    {
        // Priced as in OfflineGenerationTests: a caption reserves about 0.07 USD.
        ["AI:Prices:offline-text-v1:InputPerMillion"] = "100",
        ["AI:Prices:offline-text-v1:OutputPerMillion"] = "100",
        ["Billing:Plans:free:AiBudgetUsdPerMonth"] = "0.3",
    });

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task The_plans_budget_refuses_402_with_the_plan_limit_problem_and_charges_nothing()
    {
        var tenant = await app.CreateTenantAsync(budgetLimit: null, usage: 0.29m);

        var response = await CaptionAsync(tenant);

        response.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        var problem = await response.JsonAsync();
        problem.GetProperty("type").GetString().ShouldBe("https://docs.platform.local/problems/plan-limit");
        problem.GetProperty("limit").GetString().ShouldBe("aiBudgetUsdPerMonth");
        problem.GetProperty("plan").GetString().ShouldBe("free");
        problem.GetProperty("usage").GetDecimal().ShouldBe(0.29m);
        problem.GetProperty("limitValue").GetDecimal().ShouldBe(0.3m);
        problem.GetProperty("action").GetString().ShouldBe("upgrade");
        problem.GetProperty("requestId").GetGuid().ShouldNotBe(Guid.Empty);
        (await app.UsageAsync(tenant)).ShouldBe(0.29m);
    }

    [Test]
    public async Task A_lower_cap_of_the_tenants_own_is_kept()
    {
        var tenant = await app.CreateTenantAsync(budgetLimit: 0.05m);

        var response = await CaptionAsync(tenant);

        response.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired);
        (await response.JsonAsync()).GetProperty("limit").GetDecimal().ShouldBe(0.05m);
        (await app.UsageAsync(tenant)).ShouldBe(0m);
    }

    [Test]
    public async Task A_new_month_starts_from_zero()
    {
        var tenant = await app.CreateTenantAsync(budgetLimit: null, usage: 0.29m);
        await app.ScalarAsync(tenant, "UPDATE tenants.tenants SET ai_usage_month = (ai_usage_month - interval '1 month')::date WHERE id = $1", tenant);

        var response = await CaptionAsync(tenant);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var cost = (decimal)(await app.ScalarAsync(tenant, "SELECT sum(cost_usd) FROM ai.ai_requests"))!;
        (await app.UsageAsync(tenant)).ShouldBe(cost);
        (await app.ScalarAsync(tenant, "SELECT ai_usage_month = date_trunc('month', now() AT TIME ZONE 'UTC')::date FROM tenants.tenants WHERE id = $1", tenant))
            .ShouldBe(true);
    }

    [Test]
    public async Task A_request_that_takes_usage_past_80_percent_raises_one_warning_and_one_below_it_none()
    {
        // A first caption shows what one reserves; the second tenant starts where the same reservation ends at 0.29 USD
        // of 0.3, past the line at 0.24 from below it.
        var far = await app.CreateTenantAsync(budgetLimit: null, usage: 0m);
        (await CaptionAsync(far)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reserved = (decimal)(await app.ScalarAsync(far, "SELECT reserved_usd FROM ai.ai_requests"))!;
        reserved.ShouldBeGreaterThan(0.05m);
        var near = await app.CreateTenantAsync(budgetLimit: null, usage: 0.29m - reserved);

        var response = await CaptionAsync(near);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        const string warnings = "SELECT count(DISTINCT payload->>'eventId') FROM platform_events.outbox WHERE event_type = 'ai.budget_nearly_spent' AND tenant_id = $1";
        (await app.ScalarAsync(near, warnings, near)).ShouldBe(1L);
        (await app.ScalarAsync(far, warnings, far)).ShouldBe(0L);
    }

    private Task<HttpResponseMessage> CaptionAsync(Guid tenant) =>
        app.ClientFor(tenant).PostJsonAsync("/api/v1/ai/captions", new { prompt = OfflineGenerationTests.Story, platforms = new[] { "x" }, variants = 2 });
}
