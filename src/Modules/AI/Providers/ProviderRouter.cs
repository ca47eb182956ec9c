using Microsoft.Extensions.Options;
using Platform.AI.Contracts;
using Platform.AI.Generation;

namespace Platform.AI.Providers;

/// <summary>One step of a plan: a provider and the model it will use.</summary>
internal sealed record PlannedProvider(IAiProvider Provider, string Model);

/// <summary>
/// Chooses who answers a request type: the routed provider, then its fallback, each only if configured and
/// able to do the type; the offline provider when neither is.
/// </summary>
internal sealed class ProviderRouter(IEnumerable<IAiProvider> providers, IOptionsMonitor<AiOptions> options)
{
    public IReadOnlyList<PlannedProvider> Plan(AiRequestType type)
    {
        var settings = options.CurrentValue;
        var names = new[] { settings.Routing.GetValueOrDefault(type.ToString()), settings.Fallback.GetValueOrDefault(type.ToString()) };
        var plan = names
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => providers.FirstOrDefault(p => string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase)))
            .OfType<IAiProvider>()
            .Where(p => p.IsConfigured && !string.IsNullOrWhiteSpace(p.ModelFor(type)))
            .Select(p => new PlannedProvider(p, p.ModelFor(type)!))
            .ToList();
        if (plan.Count == 0)
        {
            var offline = providers.OfType<OfflineProvider>().Single();
            plan.Add(new PlannedProvider(offline, offline.ModelFor(type)!));
        }
        return plan;
    }
}
