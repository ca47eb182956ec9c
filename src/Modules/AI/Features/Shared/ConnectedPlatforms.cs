using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;

namespace Platform.AI.Features.Shared;

/// <summary>
/// Generation is for platforms the tenant can post to. A platform counts as connected when the tenant has an
/// <see cref="AccountStatus.Active"/> account on it, the only status SocialAccounts publishes through; an expired,
/// revoked or unreadable account needs a reconnect first. Checked before moderation, cache and budget, so a refusal
/// costs nothing and reaches no provider.
/// </summary>
internal sealed class ConnectedPlatforms(ISocialAccounts accounts)
{
    public async Task EnsureConnectedAsync(IReadOnlyList<SocialPlatform> targets, CancellationToken cancellationToken)
    {
        var accountsByPlatform = (await accounts.ListAsync(cancellationToken)).ToLookup(a => a.Platform);
        var problems = new Dictionary<string, string>();
        foreach (var platform in targets)
        {
            var onPlatform = accountsByPlatform[platform].ToList();
            if (onPlatform.Count == 0)
            {
                problems[platform.Slug()] = $"No {platform.Slug()} account is connected; connect one first.";
            }
            else if (onPlatform.All(a => a.Status != AccountStatus.Active))
            {
                problems[platform.Slug()] = $"The {platform.Slug()} account is {onPlatform[^1].Status}; reconnect it first.";
            }
        }
        if (problems.Count > 0)
        {
            throw new ProblemException(422, "Platform not connected", string.Join(" ", problems.Values),
                new Dictionary<string, object?> { ["platforms"] = problems });
        }
    }
}
