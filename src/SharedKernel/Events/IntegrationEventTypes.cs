using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Platform.SharedKernel.Events;

/// <summary>Maps integration event types to their stored names and back, over every project the application was built with.</summary>
public static class IntegrationEventTypes
{
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> Installed = new(() => Index(ProjectAssemblies()));

    public static string NameOf(Type eventType) =>
        eventType.GetCustomAttribute<IntegrationEventNameAttribute>()?.Name
        ?? throw new InvalidOperationException($"{eventType.FullName} needs [IntegrationEventName]: the outbox stores that name, not the class's.");

    /// <summary>The event type stored under <paramref name="storedName"/>; rows written before names existed hold an assembly-qualified type name.</summary>
    public static Type Resolve(string storedName) =>
        Installed.Value.TryGetValue(storedName, out var type) ? type
        : (storedName.Contains(',', StringComparison.Ordinal) ? Type.GetType(storedName, throwOnError: false) : null)
          ?? throw new InvalidOperationException($"No integration event is named '{storedName}'.");

    /// <summary>Every named event type in <paramref name="assemblies"/> (an unnamed one cannot be written); two types with one name are refused.</summary>
    public static IReadOnlyDictionary<string, Type> Index(IEnumerable<Assembly> assemblies)
    {
        var byName = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in EventTypes(assemblies).Where(t => t.IsDefined(typeof(IntegrationEventNameAttribute), inherit: false)))
        {
            var name = NameOf(type);
            if (!byName.TryAdd(name, type))
            {
                throw new InvalidOperationException($"Integration events {byName[name].FullName} and {type.FullName} share the name '{name}'.");
            }
        }
        return byName;
    }

    public static IEnumerable<Type> EventTypes(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsSubclassOf(typeof(IntegrationEvent)) && !t.IsAbstract);

    public static IEnumerable<Assembly> ProjectAssemblies() =>
        (DependencyContext.Default ?? throw new InvalidOperationException("The application has no dependency manifest (deps.json)."))
        .RuntimeLibraries
        .Where(l => l.Type == "project" && l.Name.StartsWith("Platform.", StringComparison.Ordinal))
        .Select(l => Assembly.Load(new AssemblyName(l.Name)));
}
