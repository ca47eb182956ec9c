using System.Text.RegularExpressions;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>
/// A platform's knowledge lives in its folder (<c>src/Modules/SocialAccounts/Platforms/&lt;Name&gt;/</c>): no other
/// source names a platform, so nothing else switches on one, and adding a platform touches its folder and the enum.
/// </summary>
public sealed partial class PlatformKnowledgeTests
{
    [Test]
    public void No_source_outside_a_platforms_folder_names_a_platform()
    {
        var root = RepositoryRoot();
        var platformFolders = Path.Combine(root, "src", "Modules", "SocialAccounts", "Platforms") + Path.DirectorySeparatorChar;
        var theEnum = Path.Combine(root, "src", "Modules", "SocialAccounts.Contracts", "SocialPlatform.cs");

        var offenders = SourceFiles(Path.Combine(root, "src"))
            .Where(file => !IsInsideAPlatformFolder(file, platformFolders) && file != theEnum)
            .SelectMany(file => NamedPlatforms(File.ReadAllText(file)).Select(name => $"{Path.GetRelativePath(root, file)}: {name}"))
            .ToList();

        offenders.ShouldBeEmpty("Move what these files know about a platform into its descriptor (Platforms/<Name>/<Name>Platform.cs).");
    }

    [Test]
    public void The_scan_sees_a_platform_named_in_a_switch_or_a_comparison()
    {
        NamedPlatforms("platform switch { SocialPlatform.X => 280, SocialPlatform .Reddit => 1 }").ShouldBe(["SocialPlatform.X", "SocialPlatform.Reddit"]);
        NamedPlatforms("if (platform != SocialPlatform.Pinterest)").ShouldBe(["SocialPlatform.Pinterest"]);
        NamedPlatforms("SocialPlatforms.All; SocialPlatform.XYZ; // the SocialPlatform enum").ShouldBeEmpty();
    }

    private static bool IsInsideAPlatformFolder(string file, string platformFolders) =>
        file.StartsWith(platformFolders, StringComparison.Ordinal) &&
        file[platformFolders.Length..].Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static IEnumerable<string> NamedPlatforms(string source) =>
        Member().Matches(source).Where(m => Enum.IsDefined(typeof(SocialPlatform), m.Groups["name"].Value))
            .Select(m => $"SocialPlatform.{m.Groups["name"].Value}");

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\bSocialPlatform\s*\.\s*(?<name>[A-Za-z_]\w*)\b")]
    private static partial Regex Member();
}
