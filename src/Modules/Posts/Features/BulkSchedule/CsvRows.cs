using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Platform.Posts.Features.Shared;
using Platform.SharedKernel.Errors;

namespace Platform.Posts.Features.BulkSchedule;

/// <summary>
/// Reads a CSV with a header row: <c>scheduled_at, time_zone, accounts, content, title, type, link</c>
/// (accounts: ids separated by ';'; only scheduled_at, accounts and content are required).
/// Rows that cannot be read are reported by number, like every other problem.
/// </summary>
internal static class CsvRows
{
    public static readonly string[] Columns = ["scheduled_at", "time_zone", "accounts", "content", "title", "type", "link"];

    public static async Task<(IReadOnlyList<BulkPostRow> Rows, IReadOnlyList<RowError> Errors)> ReadAsync(TextReader text, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        using var csv = new CsvReader(text, configuration);
        try
        {
            return await ReadRowsAsync(csv, cancellationToken);
        }
        catch (CsvHelperException)
        {
            throw ProblemException.BadRequest($"The CSV cannot be read at line {csv.Parser.RawRow}: check its quotes and separators.");
        }
    }

    private static async Task<(IReadOnlyList<BulkPostRow> Rows, IReadOnlyList<RowError> Errors)> ReadRowsAsync(CsvReader csv, CancellationToken cancellationToken)
    {
        if (!await csv.ReadAsync() || !csv.ReadHeader())
        {
            throw ProblemException.BadRequest("The CSV is empty; it needs a header row: " + string.Join(",", Columns));
        }
        var missing = new[] { "scheduled_at", "accounts", "content" }.Where(c => !csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw ProblemException.BadRequest("The CSV header lacks: " + string.Join(", ", missing));
        }
        var rows = new List<BulkPostRow>();
        var errors = new List<RowError>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var number = rows.Count + 1;
            var targets = new List<TargetPayload>();
            var problems = new List<string>();
            foreach (var id in (Field(csv, "accounts") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Guid.TryParse(id, out var accountId))
                {
                    targets.Add(new TargetPayload(accountId));
                }
                else
                {
                    problems.Add($"accounts: '{id}' is not an account id.");
                }
            }
            rows.Add(new BulkPostRow(Field(csv, "title"), Field(csv, "content"), Field(csv, "type"), null, Field(csv, "link"), targets,
                Field(csv, "scheduled_at"), Field(csv, "time_zone")));
            if (problems.Count > 0)
            {
                errors.Add(new RowError(number, problems));
            }
        }
        return (rows, errors);
    }

    private static string? Field(CsvReader csv, string name) =>
        !csv.TryGetField<string>(name, out var value) || string.IsNullOrWhiteSpace(value) ? null
        // PostgreSQL text cannot hold a NUL character.
        : value.Contains('\0', StringComparison.Ordinal) ? throw ProblemException.BadRequest($"The CSV's '{name}' at line {csv.Parser.RawRow} contains a NUL character.")
        : value;
}
