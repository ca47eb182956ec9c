using Platform.Media.Contracts;
using Platform.Posts.Data;
using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.Shared;

/// <summary>Checks targets against their accounts (this tenant's, connected) and their platforms' content rules.</summary>
internal sealed class TargetChecks(ISocialAccounts accounts, IContentRules rules, IMediaLibrary library)
{
    // One request may look the same account up for many posts (bulk scheduling).
    private readonly Dictionary<Guid, SocialAccountDto?> known = [];

    /// <summary>The accounts found in this tenant, and the ids that are not (another tenant's account is as unknown as a missing one).</summary>
    public async Task<(IReadOnlyDictionary<Guid, SocialAccountDto> Found, IReadOnlyList<Guid> Missing)> FindAccountsAsync(
        IEnumerable<Guid> accountIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, SocialAccountDto>();
        var missing = new List<Guid>();
        foreach (var id in accountIds.Distinct())
        {
            if (!known.TryGetValue(id, out var account))
            {
                known[id] = account = await accounts.FindAsync(id, cancellationToken);
            }
            if (account is null)
            {
                missing.Add(id);
            }
            else
            {
                found[id] = account;
            }
        }
        return (found, missing);
    }

    public async Task<IReadOnlyDictionary<Guid, SocialAccountDto>> ResolveAccountsAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken)
    {
        var (found, missing) = await FindAccountsAsync(accountIds, cancellationToken);
        if (missing.Count > 0)
        {
            throw new ProblemException(422, "Unknown target account",
                "These accounts are not connected in this tenant: " + string.Join(", ", missing),
                new Dictionary<string, object?> { ["accountIds"] = missing });
        }
        return found;
    }

    public Task<IReadOnlyDictionary<Guid, LibraryMedia>> FindMediaAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        library.FindAsync(ids, cancellationToken);

    /// <summary>
    /// The payload's library items, the targets' own included; 422 naming those not in this tenant's library (another
    /// tenant's, deleted) in <c>mediaIds</c>, and in <c>errors</c> by the field that named them (<c>media</c>, <c>targets[i].media</c>).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, LibraryMedia>> ResolveMediaAsync(PostPayload payload, CancellationToken cancellationToken)
    {
        var ids = payload.LibraryMediaIds;
        var found = await FindMediaAsync(ids, cancellationToken);
        var missing = ids.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var fields = new[] { ("media", payload.Media) }
                .Concat(payload.Targets.Select((t, i) => ($"targets[{i}].media", t.Media)))
                .Select(field => (Name: field.Item1, Unknown: (field.Item2 ?? []).Where(m => m.Id is { } id && !found.ContainsKey(id)).Select(m => m.Id!.Value).Distinct().ToList()))
                .Where(field => field.Unknown.Count > 0)
                .ToDictionary(field => field.Name, field => (object)new[] { "Not in this tenant's library: " + string.Join(", ", field.Unknown) });
            throw new ProblemException(422, "Unknown media",
                "These media items are not in this tenant's library: " + string.Join(", ", missing),
                new Dictionary<string, object?> { ["mediaIds"] = missing, ["errors"] = fields });
        }
        return found;
    }

    /// <summary>Each target's rule violations, by target id; empty lists for targets that are fine.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<ContentViolation>> Check(Post post) =>
        post.Targets.ToDictionary(t => t.Id, t => SocialPlatforms.TryParse(t.Platform, out var platform)
            ? rules.Check(platform, PostContentFactory.For(post, t)).Violations
            : (IReadOnlyList<ContentViolation>)[new ContentViolation("platform", "Unknown platform.")]);

    /// <summary>Why each target could not be published now (account state, content rules); targets without problems are left out.</summary>
    public async Task<IReadOnlyDictionary<PostTarget, IReadOnlyList<string>>> PublishProblemsAsync(Post post, CancellationToken cancellationToken)
    {
        var (found, _) = await FindAccountsAsync(post.Targets.Select(t => t.SocialAccountId), cancellationToken);
        var violations = Check(post);
        var mediaIds = post.Media.Concat(post.Targets.SelectMany(t => t.Media)).Where(m => m.MediaId is not null).Select(m => m.MediaId!.Value).Distinct().ToList();
        var media = await library.FindAsync(mediaIds, cancellationToken);
        var gone = mediaIds.Where(id => !media.ContainsKey(id)).ToHashSet();
        var problems = new Dictionary<PostTarget, IReadOnlyList<string>>();
        foreach (var target in post.Targets)
        {
            var reasons = new List<string>();
            if (!found.TryGetValue(target.SocialAccountId, out var account))
            {
                reasons.Add("account: not connected in this tenant.");
            }
            else if (account.Status != AccountStatus.Active)
            {
                reasons.Add($"account: the account is {account.Status}; reconnect it first.");
            }
            reasons.AddRange(PostContentFactory.MediaOf(post, target).Where(m => m.MediaId is { } id && gone.Contains(id)).Select(m => m.MediaId).Distinct()
                .Select(id => $"media: library item {id} was deleted; choose another."));
            reasons.AddRange(violations[target.Id].Select(v => $"{v.Field}: {v.Reason}"));
            if (reasons.Count > 0)
            {
                problems[target] = reasons;
            }
        }
        return problems;
    }

    /// <summary>Refuses to queue a post that any platform would reject, or whose accounts cannot publish.</summary>
    public async Task EnsurePublishableAsync(Post post, CancellationToken cancellationToken)
    {
        var problems = await PublishProblemsAsync(post, cancellationToken);
        if (problems.Count > 0)
        {
            throw new ProblemException(422, "Not publishable", "Some targets would be rejected; see targets.",
                new Dictionary<string, object?>
                {
                    ["targets"] = problems.ToDictionary(
                        p => p.Key.Id.ToString(),
                        p => (object)new { accountId = p.Key.SocialAccountId, platform = p.Key.Platform, problems = p.Value }),
                });
        }
    }
}
