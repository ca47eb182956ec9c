using System.Reflection;
using System.Xml.Linq;

namespace Platform.Architecture.Tests;

/// <summary>The rules, as functions that list violations, so each can also be shown to catch a breach.</summary>
internal static class ModuleBoundaries
{
    public static readonly string[] Modules = ["Tenants", "Users", "SocialAccounts", "Posts", "AI", "Analytics", "Media"];

    public static string RepositoryRoot { get; } = FindRoot();

    public static Assembly Implementation(string module) => Assembly.Load($"Platform.{module}");

    public static Assembly Contracts(string module) => Assembly.Load($"Platform.{module}.Contracts");

    /// <summary>Compiled references from <paramref name="assembly"/> to another module's implementation.</summary>
    public static IEnumerable<string> ForeignImplementationReferences(Assembly assembly, string? ownModule) =>
        assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(name => Modules.Any(m => name == $"Platform.{m}" && m != ownModule));

    /// <summary>Project references (which exist even when no type is used yet) to another module's implementation.</summary>
    public static IEnumerable<string> ForeignImplementationProjectReferences(string projectFile, string? ownModule) =>
        XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value))
            .Where(name => Modules.Any(m => name == m && m != ownModule));

    public static IEnumerable<string> PublicTypes(Assembly assembly) =>
        assembly.GetExportedTypes().Select(t => t.FullName!);

    public static string ProjectFile(string module) => Path.Combine(RepositoryRoot, "src", "Modules", module, $"{module}.csproj");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries.");
    }
}
