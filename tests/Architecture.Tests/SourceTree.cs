namespace Platform.Architecture.Tests;

/// <summary>The hand-written C# files under <c>src/</c>, named relative to it with forward slashes.</summary>
internal static class SourceTree
{
    public static string Root { get; } = Path.Combine(ModuleBoundaries.RepositoryRoot, "src");

    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal)
                           && !file.Contains("/node_modules/", StringComparison.Ordinal)
                           && !file.EndsWith(".g.cs", StringComparison.Ordinal) && !file.EndsWith(".Designer.cs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static string Read(string file) => File.ReadAllText(Path.Combine(Root, file));
}
