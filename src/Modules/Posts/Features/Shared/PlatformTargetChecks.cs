using Platform.Posts.Data;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.Shared;

/// <summary>One target as it would be sent, read in a unit of work that has ended, to be held against its platform.</summary>
internal sealed record TargetToCheck(Guid TargetId, int Index, Guid AccountId, string Platform, PostContent Content)
{
    public static IReadOnlyList<TargetToCheck> Of(Post post) =>
        // Indexed as the post answers its targets, so a field path names the one the user sees.
        [.. post.Targets.OrderBy(t => t.Platform).ThenBy(t => t.Id).Select((t, i) => new TargetToCheck(t.Id, i, t.SocialAccountId, t.Platform, PostContentFactory.For(post, t)))];
}

/// <summary>
/// Asks each target's platform whether the account can take it (<see cref="ISocialAccounts.CheckTargetAsync"/>), holding
/// no unit of work: call it between the unit of work that read the post and the one that queues it.
/// </summary>
/// <remarks>
/// A platform that cannot be asked (timeout, 5xx, its rate limit) is not taken for a yes: the answer is 503 naming the
/// targets, nothing is scheduled, and the user tries again. Passing unchecked would turn a typo in a board id into a
/// failure at publish time, when nobody is there to fix it.
/// </remarks>
internal sealed class PlatformTargetChecks(ISocialAccounts accounts)
{
    public async Task EnsureAcceptedAsync(IReadOnlyList<TargetToCheck> targets, CancellationToken cancellationToken)
    {
        var findings = await CheckAsync(targets, cancellationToken);
        if (findings.Refused.Count > 0)
        {
            throw new ProblemException(422, "Not publishable", "Some targets would be refused by their platform; see targets. Nothing was scheduled.",
                new Dictionary<string, object?> { ["targets"] = findings.Refused, ["errors"] = findings.Errors });
        }
        if (findings.Unavailable.Count > 0)
        {
            throw Unavailable(findings.Unavailable);
        }
    }

    /// <summary>What each target's platform said: refusals (by target id, and by field path), and targets it could not be asked about.</summary>
    public async Task<PlatformFindings> CheckAsync(IReadOnlyList<TargetToCheck> targets, CancellationToken cancellationToken)
    {
        var findings = new PlatformFindings();
        foreach (var target in targets)
        {
            var check = await accounts.CheckTargetAsync(target.AccountId, target.Content, cancellationToken);
            if (check.Outcome == TargetCheckOutcome.PlatformUnavailable)
            {
                findings.Unavailable[target.TargetId.ToString()] = new { accountId = target.AccountId, platform = target.Platform, reason = check.Reason };
            }
            else if (check.Violations.Count > 0)
            {
                findings.Refused[target.TargetId.ToString()] = new
                {
                    accountId = target.AccountId,
                    platform = target.Platform,
                    problems = check.Violations.Select(v => $"{v.Field}: {v.Reason}").ToArray(),
                };
                foreach (var field in check.Violations.GroupBy(v => $"targets[{target.Index}].{v.Field}"))
                {
                    findings.Errors[field.Key] = [.. field.Select(v => v.Reason)];
                }
            }
        }
        return findings;
    }

    public static ProblemException Unavailable(IReadOnlyDictionary<string, object?> targets) =>
        new(503, "Platform unavailable",
            "The platform of some targets could not be asked whether it takes them; nothing was scheduled. Try again shortly.",
            new Dictionary<string, object?> { ["targets"] = targets });
}

internal sealed class PlatformFindings
{
    public Dictionary<string, object?> Refused { get; } = [];

    public Dictionary<string, string[]> Errors { get; } = [];

    public Dictionary<string, object?> Unavailable { get; } = [];
}
