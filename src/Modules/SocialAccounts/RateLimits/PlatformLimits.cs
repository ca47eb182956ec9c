using Microsoft.Extensions.Configuration;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.RateLimits;

/// <summary>
/// Platform limits, enforced before calling so a burst never exceeds them: sliding windows (exact, so daily
/// publishing caps hold over any 24 hours). A null operation counts every call. The documented limits, from each
/// platform's descriptor, are the defaults; <c>Platforms:&lt;Platform&gt;:Limits:&lt;Name&gt;:Limit</c> and <c>:Window</c> change one (a Limit of 0
/// removes it) or add one, since an app's real quota is whatever the platform granted it.
/// </summary>
internal static class PlatformLimits
{
    private static readonly PlatformOperation?[] Operations = [PlatformOperation.Publish, PlatformOperation.Read, null];

    /// <summary>The documented limits with the configured ones applied; a misspelt key stops the host rather than being ignored.</summary>
    public static IReadOnlyList<PlatformLimit> From(PlatformCatalog catalog, IConfiguration configuration)
    {
        var limits = catalog.All.SelectMany(d => d.Limits).ToList();
        foreach (var descriptor in catalog.All)
        {
            var platform = descriptor.Platform;
            var section = configuration.GetSection($"{descriptor.OptionsSection}:Limits");
            foreach (var configured in section.GetChildren())
            {
                var (operation, scope) = Parse(configured);
                var documented = limits.SingleOrDefault(l => l.Platform == platform && l.Operation == operation && l.Scope == scope);
                if (documented is not null)
                {
                    limits.Remove(documented);
                }
                if (Override(platform, operation, scope, documented, configured) is { Limit: > 0 } limit)
                {
                    limits.Add(limit);
                }
            }
        }
        return limits;
    }

    private static (PlatformOperation? Operation, LimitScope Scope) Parse(IConfigurationSection configured)
    {
        foreach (var operation in Operations)
        {
            foreach (var scope in Enum.GetValues<LimitScope>())
            {
                if (string.Equals(configured.Key, PlatformLimit.NameOf(operation, scope), StringComparison.OrdinalIgnoreCase))
                {
                    return (operation, scope);
                }
            }
        }
        var known = Operations.SelectMany(o => Enum.GetValues<LimitScope>().Select(s => PlatformLimit.NameOf(o, s)));
        throw new InvalidOperationException($"{configured.Path} is not a limit; use one of {string.Join(", ", known)}.");
    }

    private static PlatformLimit Override(
        SocialPlatform platform, PlatformOperation? operation, LimitScope scope, PlatformLimit? documented, IConfigurationSection configured)
    {
        var limit = configured.GetValue<int?>("Limit") ?? documented?.Limit;
        var window = configured.GetValue<TimeSpan?>("Window") ?? documented?.Window;
        if (limit is not { } count || window is not { } span)
        {
            throw new InvalidOperationException($"{configured.Path} adds a limit: set both its Limit and its Window.");
        }
        if (count < 0 || span <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{configured.Path}: Limit must be 0 or more and Window positive.");
        }
        return new PlatformLimit(platform, operation, scope, count, span, $"configured at {configured.Path}");
    }
}
