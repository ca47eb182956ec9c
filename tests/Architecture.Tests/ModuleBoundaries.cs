using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Platform.SharedKernel.Modules;

namespace Platform.Architecture.Tests;

/// <summary>The rules, as functions that list violations, so each can also be shown to catch a breach.</summary>
internal static partial class ModuleBoundaries
{
    /// <summary>Each installed module's project name (Platform.&lt;Name&gt;) and its PostgreSQL schema, as the host finds them.</summary>
    public static readonly IReadOnlyDictionary<string, string> SchemaByModule = ModuleCatalog.DiscoverInstalled()
        .ToDictionary(m => m.GetType().Assembly.GetName().Name!["Platform.".Length..], m => m.Name);

    public static readonly string[] Modules = [.. SchemaByModule.Keys.Order(StringComparer.Ordinal)];

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

    /// <summary>
    /// Names of other modules' tables or functions (<c>schema.name</c>) in the SQL of one module's source: string
    /// literals that read as SQL. Modules reach each other through Contracts and events, never through tables.
    /// </summary>
    public static IEnumerable<string> ForeignSchemaReferences(string module, string source)
    {
        var foreign = SchemaByModule.Where(m => m.Key != module).Select(m => Regex.Escape(m.Value));
        var name = new Regex($@"(?<![\w./-])(?:{string.Join('|', foreign)})\.[a-z_]+\b");
        return StringLiterals().Matches(source).Select(m => m.Value)
            .Where(literal => SqlWord().IsMatch(literal))
            .SelectMany(literal => name.Matches(literal).Select(m => m.Value));
    }

    public static IEnumerable<string> SourceFiles(string module) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src", "Modules", module), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"")]
    private static partial Regex StringLiterals();

    [GeneratedRegex(@"\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|INTO|CALL|TABLE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlWord();

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
