using Shouldly;

namespace Platform.Architecture.Tests;

/// <summary>
/// A newcomer finds a type by its file name: every source file declares a top-level type named like the file (more
/// types may sit beside it, like a request's validator). In the folders listed in <see cref="OneTypePerFile"/> a file
/// holds exactly one top-level type.
/// </summary>
public sealed class FileNameTests
{
    /// <summary>Folders (under <c>src/</c>) already split to one type per file.</summary>
    private static readonly string[] OneTypePerFile =
    [
        "Modules/Media/",
        "Modules/SocialAccounts/Content/",
        "Modules/SocialAccounts/Features/",
        "Modules/SocialAccounts/Gateway/",
        "Modules/SocialAccounts/Platforms/",
        "Modules/SocialAccounts/RateLimits/",
        "Modules/SocialAccounts/Security/",
        "Modules/SocialAccounts/Tokens/",
    ];

    [Test]
    public void Every_source_file_declares_a_type_named_like_the_file() =>
        SourceTree.Files()
            .Where(file => !DeclaresItsName(file, TopLevelTypes.In(SourceTree.Read(file))))
            .ShouldBeEmpty();

    [Test]
    public void Files_in_the_split_folders_hold_one_type_each() =>
        SourceTree.Files()
            .Where(file => OneTypePerFile.Any(file.StartsWith))
            .Select(file => (file, types: TopLevelTypes.In(SourceTree.Read(file))))
            .Where(entry => entry.types.Count != 1 || !DeclaresItsName(entry.file, entry.types))
            .Select(entry => $"{entry.file}: {string.Join(", ", entry.types)}")
            .ShouldBeEmpty();

    [Test]
    public void The_split_folders_exist_so_a_renamed_folder_is_not_silently_unchecked() =>
        OneTypePerFile
            .Where(folder => !Directory.Exists(Path.Combine(SourceTree.Root, folder)))
            .ShouldBeEmpty();

    [Test]
    public void The_reader_finds_top_level_types_and_ignores_nested_ones_comments_and_strings()
    {
        TopLevelTypes.In("""
            namespace A.B;

            // class InComment
            /// <summary>record InDoc</summary>
            internal sealed record Request(string Name = "class InString {");

            [Obsolete("x")] public static partial class Endpoint
            {
                private sealed class Nested { }
                private const string Text = $"{(true ? "}" : "{")} interface InInterpolation";
                private const char Brace = '{';
            }

            public delegate Task Handler<T>(T value);

            internal enum State { On, Off }
            """).ShouldBe(["Request", "Endpoint", "Handler", "State"]);

        TopLevelTypes.In("""
            namespace A
            {
                public interface IThing { }

                internal readonly record struct Point(int X, int Y);
            }
            """).ShouldBe(["IThing", "Point"]);
    }

    [Test]
    public void The_rule_catches_a_file_named_after_no_type_it_holds()
    {
        DeclaresItsName("Modules/X/Features/Connect/Connect.cs", ["ConnectRequest", "ConnectEndpoint"]).ShouldBeFalse();
        DeclaresItsName("Modules/X/Features/Connect/ConnectEndpoint.cs", ["ConnectEndpoint"]).ShouldBeTrue();
    }

    private static bool DeclaresItsName(string file, IReadOnlyList<string> types) =>
        types.Contains(Path.GetFileNameWithoutExtension(file));
}
