using System.Reflection;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms;

/// <summary>
/// Every platform's <see cref="PlatformDescriptor"/>, found once in this assembly: a new platform is a new folder with its
/// descriptor and client. Each <see cref="SocialPlatform"/> must have exactly one descriptor, or the module does not start.
/// </summary>
internal sealed class PlatformCatalog : IHashtagConventions
{
    private readonly Dictionary<SocialPlatform, PlatformDescriptor> byPlatform;

    public PlatformCatalog(IEnumerable<PlatformDescriptor> descriptors)
    {
        All = [.. descriptors.OrderBy(d => d.Platform)];
        var twice = All.GroupBy(d => d.Platform).Where(g => g.Count() > 1).Select(g => $"{g.Key} ({string.Join(", ", g.Select(d => d.GetType().Name))})").ToList();
        if (twice.Count > 0)
        {
            throw new InvalidOperationException($"A platform has more than one descriptor: {string.Join("; ", twice)}.");
        }
        byPlatform = All.ToDictionary(d => d.Platform);
        var missing = SocialPlatforms.All.Where(p => !byPlatform.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"No descriptor for {string.Join(", ", missing)}: add a PlatformDescriptor in its platform folder.");
        }
    }

    /// <summary>The descriptors this module ships; they hold no configuration, so one catalog serves every host.</summary>
    public static PlatformCatalog Default { get; } = Discover(typeof(PlatformCatalog).Assembly);

    public IReadOnlyList<PlatformDescriptor> All { get; }

    public PlatformDescriptor this[SocialPlatform platform] =>
        byPlatform.TryGetValue(platform, out var descriptor) ? descriptor : throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a platform.");

    HashtagConvention IHashtagConventions.For(SocialPlatform platform) => this[platform].Hashtags;

    public static PlatformCatalog Discover(Assembly assembly) => new(assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(PlatformDescriptor)))
        .Select(t => (PlatformDescriptor)Activator.CreateInstance(t, nonPublic: true)!));
}
