using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Billing.Tests.Limits;

/// <summary>The 402 every plan limit answers with.</summary>
internal static class PlanLimitProblem
{
    public static async Task ShouldBeRefusalAsync(this HttpResponseMessage answer, string limit, string plan, decimal usage, decimal limitValue)
    {
        answer.StatusCode.ShouldBe(HttpStatusCode.PaymentRequired, await answer.Content.ReadAsStringAsync());
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().ShouldBe("https://docs.platform.local/problems/plan-limit");
        problem.GetProperty("status").GetInt32().ShouldBe(402);
        problem.GetProperty("limit").GetString().ShouldBe(limit);
        problem.GetProperty("plan").GetString().ShouldBe(plan);
        problem.GetProperty("usage").GetDecimal().ShouldBe(usage);
        problem.GetProperty("limitValue").GetDecimal().ShouldBe(limitValue);
        problem.GetProperty("action").GetString().ShouldBe("upgrade");
    }
}
