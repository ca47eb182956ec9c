using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Billing.Tests;

/// <summary>The public plan catalogue and the tenant's billing view.</summary>
public sealed class CatalogueTests : BillingFixture
{
    [Test]
    public async Task Anyone_reads_the_plans_with_their_limits()
    {
        using var anonymous = App.CreateClient();

        var answer = await anonymous.GetAsync("/api/v1/billing/plans");

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        var plans = (await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        plans.Select(p => p.GetProperty("name").GetString()).ShouldBe(["free", "pro", "business"]);
        plans[0].GetProperty("paid").GetBoolean().ShouldBeFalse();
        plans[1].GetProperty("paid").GetBoolean().ShouldBeTrue();
        var pro = plans[1].GetProperty("limits");
        pro.GetProperty("connectedAccounts").GetInt32().ShouldBe(10);
        pro.GetProperty("seats").GetInt32().ShouldBe(5);
        pro.GetProperty("postsPerMonth").GetInt32().ShouldBe(500);
        pro.GetProperty("aiBudgetUsdPerMonth").GetDecimal().ShouldBe(20m);
        pro.GetProperty("mediaStorageBytes").GetInt64().ShouldBe(26_843_545_600);
        pro.GetProperty("apiKeys").GetInt32().ShouldBe(2);
    }

    [Test]
    public async Task A_new_tenant_is_on_the_free_plan_with_its_usage()
    {
        var owner = await App.RegisterAsync();
        var viewer = await App.AddUserAsync(owner, "viewer");

        var billing = await BillingApp.BillingAsync(viewer);

        billing.GetProperty("plan").GetString().ShouldBe("free");
        billing.GetProperty("status").GetString().ShouldBe("None");
        billing.GetProperty("interval").ValueKind.ShouldBe(JsonValueKind.Null);
        billing.GetProperty("limits").GetProperty("connectedAccounts").GetInt32().ShouldBe(3);
        billing.GetProperty("usage").GetProperty("connectedAccounts").GetInt32().ShouldBe(0);
        var usage = billing.GetProperty("usage");
        usage.GetProperty("seats").GetInt32().ShouldBe(2);
        usage.GetProperty("postsThisMonth").GetInt32().ShouldBe(0);
        usage.GetProperty("apiKeys").GetInt32().ShouldBe(0);
    }

    [Test]
    public async Task The_billing_view_needs_a_signed_in_user()
    {
        using var anonymous = App.CreateClient();

        (await anonymous.GetAsync("/api/v1/billing")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
