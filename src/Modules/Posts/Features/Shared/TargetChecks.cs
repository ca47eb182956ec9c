using Platform.Posts.Data;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.Shared;

/// <summary>Checks targets against their accounts (this tenant's, connected) and their platforms' content rules.</summary>
internal sealed class TargetChecks(ISocialAccounts accounts, IContentRules rules)
{
    /// <summary>Resolves each target's account; another tenant's account is as unknown as a missing one.</summary>
    public async Task<IReadOnlyDictionary<Guid, SocialAccountDto>> ResolveAccountsAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, SocialAccountDto>();
        var missing = new List<Guid>();
        foreach (var id in accountIds.Distinct())
        {
            if (await accounts.FindAsync(id, cancellationToken) is { } account)
            {
                found[id] = account;
            }
            else
            {
                missing.Add(id);
            }
        }
        if (missing.Count > 0)
        {
            throw new ProblemException(422, "Unknown target account",
                "These accounts are not connected in this tenant: " + string.Join(", ", missing),
                new Dictionary<string, object?> { ["accountIds"] = missing });
        }
        return found;
    }

    /// <summary>Each target's rule violations, by target id; empty lists for targets that are fine.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<ContentViolation>> Check(Post post) =>
        post.Targets.ToDictionary(t => t.Id, t => SocialPlatforms.TryParse(t.Platform, out var platform)
            ? rules.Check(platform, PostContentFactory.For(post, t)).Violations
            : (IReadOnlyList<ContentViolation>)[new ContentViolation("platform", "Unknown platform.")]);

    /// <summary>Refuses to queue a post that any platform would reject, or whose accounts cannot publish.</summary>
    public async Task EnsurePublishableAsync(Post post, CancellationToken cancellationToken)
    {
        var accountsById = await ResolveAccountsAsync(post.Targets.Select(t => t.SocialAccountId), cancellationToken);
        var problems = new Dictionary<string, object?>();
        foreach (var target in post.Targets)
        {
            var reasons = new List<string>();
            if (accountsById[target.SocialAccountId].Status != AccountStatus.Active)
            {
                reasons.Add($"account: the account is {accountsById[target.SocialAccountId].Status}; reconnect it first.");
            }
            reasons.AddRange(Check(post)[target.Id].Select(v => $"{v.Field}: {v.Reason}"));
            if (reasons.Count > 0)
            {
                problems[target.Id.ToString()] = new { accountId = target.SocialAccountId, platform = target.Platform, problems = reasons };
            }
        }
        if (problems.Count > 0)
        {
            throw new ProblemException(422, "Not publishable", "Some targets would be rejected; see targets.",
                new Dictionary<string, object?> { ["targets"] = problems });
        }
    }
}
