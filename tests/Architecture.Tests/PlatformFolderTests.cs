using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.Architecture.Tests;

/// <summary>
/// A type named after one platform (<c>XPostText</c>, <c>SubredditRule</c>) holds that platform's knowledge, so it lives
/// in the platform's folder, <c>Modules/SocialAccounts/Platforms/&lt;Name&gt;/</c>, where a newcomer looks for it.
/// </summary>
public sealed class PlatformFolderTests
{
    private const string PlatformFolders = "Modules/SocialAccounts/Platforms/";

    /// <summary>Each platform's name, and the words that belong to one platform alone.</summary>
    private static readonly string[] PlatformWords = [.. Enum.GetNames<SocialPlatform>(), "Meta", "Subreddit"];

    [Test]
    public void Types_named_after_a_platform_live_in_a_platforms_folder() =>
        SourceTree.Files()
            .Where(file => !IsInsideAPlatformFolder(file))
            .SelectMany(file => TopLevelTypes.In(SourceTree.Read(file)).Where(NamesAPlatform).Select(type => $"{file}: {type}"))
            .ShouldBeEmpty();

    [Test]
    public void The_rule_reads_a_platform_word_only_where_a_name_starts_with_it()
    {
        new[] { "XPostText", "SubredditName", "TikTokCreatorRule", "NotTikTokException", "Reddit", "MetaGraph" }
            .Where(type => !NamesAPlatform(type)).ShouldBeEmpty();
        new[] { "XmlReader", "IndexPage", "Metadata", "ThreadSafeQueue", "PlatformCatalog", "TextLimit", "RedditorCount" }
            .Where(NamesAPlatform).ShouldBeEmpty();
    }

    private static bool IsInsideAPlatformFolder(string file) =>
        file.StartsWith(PlatformFolders, StringComparison.Ordinal) && file[PlatformFolders.Length..].Contains('/', StringComparison.Ordinal);

    /// <summary>A platform word stands in the name as a whole word of its camel case (<c>NotTikTokException</c>).</summary>
    private static bool NamesAPlatform(string type) =>
        PlatformWords.Any(word => Enumerable.Range(0, Math.Max(0, type.Length - word.Length + 1)).Any(at =>
            string.CompareOrdinal(type, at, word, 0, word.Length) == 0
            && (at == 0 || char.IsLower(type[at - 1]))
            && (at + word.Length == type.Length || char.IsUpper(type[at + word.Length]))));
}
