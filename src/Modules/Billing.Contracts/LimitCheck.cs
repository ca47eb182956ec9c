using System.Text.Json;
using Platform.SharedKernel.Errors;

namespace Platform.Billing.Contracts;

/// <summary>
/// Whether a plan leaves room for <see cref="Adding"/> more of a limit the tenant already uses <see cref="Usage"/> of, and
/// the refusal every limit answers with when it does not.
/// </summary>
public sealed record LimitCheck(PlanLimits Plan, PlanLimit Limit, decimal Usage, decimal Adding)
{
    public const string ProblemType = "https://docs.platform.local/problems/plan-limit";

    public decimal Allowed => Plan.Of(Limit);

    /// <summary>Everything added must fit: usage already past the limit (after a downgrade) stays, but nothing joins it.</summary>
    public bool Passes => Usage + Adding <= Allowed;

    /// <summary>
    /// 402 naming the limit, the plan, the usage and the limit's value, with the way out: a larger plan;
    /// <paramref name="details"/> adds what the refusing module knows besides.
    /// </summary>
    public ProblemException Refusal(IReadOnlyDictionary<string, object?>? details = null)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(Limit.ToString());
        var extensions = new Dictionary<string, object?>(details ?? new Dictionary<string, object?>())
        {
            ["limit"] = name,
            ["plan"] = Plan.Plan,
            ["usage"] = Usage,
            ["limitValue"] = Allowed,
            ["requested"] = Adding,
            ["action"] = "upgrade",
        };
        return new ProblemException(402, "Plan limit reached",
            $"The {Plan.Plan} plan allows {Allowed} of {name}; {Usage} are used and this needs {Adding} more. Upgrade the plan to go on.",
            extensions)
        { Type = ProblemType };
    }
}
