using System.Text;

namespace Platform.Analytics.Reports;

/// <summary>
/// Writes CSV fields as RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180#section-2) describes them: a field with a comma,
/// a double quote or a line break is enclosed in double quotes, and a double quote inside is doubled. A text field that a
/// spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return; OWASP "CSV Injection",
/// https://owasp.org/www-community/attacks/CSV_Injection) gets a leading apostrophe, so it stays text.
/// </summary>
internal static class CsvField
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (FormulaStarts.Contains(value[0]))
        {
            value = "'" + value;
        }
        return value.IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields);
        // RFC 4180: each record ends with CRLF.
        csv.Append("\r\n");
    }
}
