using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Architecture.Tests;

/// <summary>
/// The names of the types a C# file declares at namespace level, read from its text: comments and string literals are
/// blanked first so that braces and keywords inside them count for nothing, then declarations are taken at the
/// namespace's brace depth (0 for a file-scoped namespace, 1 for a block one). Nested types are not top-level.
/// </summary>
internal static partial class TopLevelTypes
{
    public static IReadOnlyList<string> In(string source)
    {
        var code = CodeOnly(source);
        var namespaceDepth = BlockNamespace().IsMatch(code) ? 1 : 0;
        var depthAt = new int[code.Length + 1];
        for (var i = 0; i < code.Length; i++)
        {
            depthAt[i + 1] = depthAt[i] + code[i] switch { '{' => 1, '}' => -1, _ => 0 };
        }
        return [.. Declaration().Matches(code)
            .Where(m => depthAt[m.Groups["name"].Index] == namespaceDepth)
            .Select(m => m.Groups["name"].Value)];
    }

    /// <summary>The source with comments, strings and character literals replaced by spaces (line breaks kept).</summary>
    public static string CodeOnly(string source)
    {
        var code = new StringBuilder(source);
        var i = 0;
        while (i < source.Length)
        {
            var end = LiteralOrCommentEnd(source, i);
            if (end == i)
            {
                i++;
                continue;
            }
            for (var k = i; k < end; k++)
            {
                if (code[k] != '\n')
                {
                    code[k] = ' ';
                }
            }
            i = end;
        }
        return code.ToString();
    }

    /// <summary>Where the comment or literal starting at <paramref name="start"/> ends; <paramref name="start"/> itself when none starts there.</summary>
    private static int LiteralOrCommentEnd(string s, int start)
    {
        if (At(s, start, "//"))
        {
            var newline = s.IndexOf('\n', start);
            return newline < 0 ? s.Length : newline;
        }
        if (At(s, start, "/*"))
        {
            var close = s.IndexOf("*/", start + 2, StringComparison.Ordinal);
            return close < 0 ? s.Length : close + 2;
        }
        var prefix = start;
        while (prefix < s.Length && s[prefix] is '$' or '@')
        {
            prefix++;
        }
        var markers = s[start..prefix];
        if (prefix >= s.Length || s[prefix] != '"')
        {
            return s[start] == '\'' ? CharLiteralEnd(s, start) : start;
        }
        if (At(s, prefix, "\"\"\""))
        {
            var quotes = 0;
            while (prefix + quotes < s.Length && s[prefix + quotes] == '"')
            {
                quotes++;
            }
            var close = s.IndexOf(new string('"', quotes), prefix + quotes, StringComparison.Ordinal);
            return close < 0 ? s.Length : close + quotes;
        }
        var verbatim = markers.Contains('@');
        var interpolated = markers.Contains('$');
        var holes = 0;
        for (var j = prefix + 1; j < s.Length; j++)
        {
            var c = s[j];
            if (holes > 0)
            {
                if (c == '"' || (c == '\'' && CharLiteralEnd(s, j) > j))
                {
                    j = (c == '"' ? LiteralOrCommentEnd(s, j) : CharLiteralEnd(s, j)) - 1;
                }
                else if (c == '{')
                {
                    holes++;
                }
                else if (c == '}')
                {
                    holes--;
                }
                continue;
            }
            if (interpolated && c == '{')
            {
                if (j + 1 < s.Length && s[j + 1] == '{')
                {
                    j++;
                    continue;
                }
                holes = 1;
                continue;
            }
            if (!verbatim && c == '\\')
            {
                j++;
                continue;
            }
            if (c == '"')
            {
                if (verbatim && j + 1 < s.Length && s[j + 1] == '"')
                {
                    j++;
                    continue;
                }
                return j + 1;
            }
            if (!verbatim && c == '\n')
            {
                return j;
            }
        }
        return s.Length;
    }

    private static int CharLiteralEnd(string s, int start)
    {
        var match = CharLiteral().Match(s, start);
        return match.Success && match.Index == start ? start + match.Length : start;
    }

    private static bool At(string s, int index, string text) => string.CompareOrdinal(s, index, text, 0, text.Length) == 0;

    [GeneratedRegex(@"'(?:\\[^']{1,9}|[^\\'\n])'")]
    private static partial Regex CharLiteral();

    [GeneratedRegex(@"(?m)^\s*namespace\s+[\w.]+\s*\{")]
    private static partial Regex BlockNamespace();

    [GeneratedRegex(@"(?m)^[ \t]*(?:\[[^\]\n]*\][ \t]*)*(?:(?:public|internal|private|protected|sealed|static|abstract|partial|readonly|file|ref|unsafe|new)\s+)*(?:(?:class|record\s+struct|record\s+class|record|struct|interface|enum)\s+(?<name>[A-Za-z_]\w*)|delegate\s+[^;(]*?\b(?<name>[A-Za-z_]\w*)\s*(?:<[^>]*>)?\s*\()")]
    private static partial Regex Declaration();
}
