using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Platform.SharedKernel.Modules;

/// <summary>Finds the modules among the application's project assemblies by their <see cref="PlatformModuleAttribute"/>.</summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<IModule> Discover(IEnumerable<Assembly> assemblies) =>
        assemblies
            .Select(a => a.GetCustomAttribute<PlatformModuleAttribute>())
            .OfType<PlatformModuleAttribute>()
            .Select(a => (IModule)(Activator.CreateInstance(a.ModuleType, nonPublic: true)
                ?? throw new InvalidOperationException($"Cannot create module {a.ModuleType}.")))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Every project the application was built with, read from its dependency manifest: a module the host
    /// references but never names in code is still found.
    /// </summary>
    public static IReadOnlyList<IModule> DiscoverInstalled()
    {
        var context = DependencyContext.Default
            ?? throw new InvalidOperationException("The application has no dependency manifest (deps.json).");
        var assemblies = context.RuntimeLibraries
            .Where(l => l.Type == "project" && l.Name.StartsWith("Platform.", StringComparison.Ordinal))
            .Select(l => Assembly.Load(new AssemblyName(l.Name)));
        return Discover(assemblies);
    }
}
