using System.Globalization;

namespace Platform.PublishLab;

/// <summary>
/// One platform's outcome of a reliability run: duplicates and losses as the platform's own server holds them,
/// targets left unconfirmed, how long trials took to settle (from the publish request to the last attempt's end), and the
/// draft or publish requests the API answered with an error (those posts are left out of the ledger).
/// </summary>
internal sealed record PlatformReport(string Platform, int Trials, int Targets, LedgerReport Ledger, int Missing, IReadOnlyList<double> SettleSeconds, int ApiErrors = 0)
{
    public int Duplicates => Ledger.ExtraSends;

    public int Losses => Ledger.Losses.Count + Missing;

    public int Unconfirmed => Ledger.Unconfirmed;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Platform,-9}: {Trials} trials, {Targets} targets, published {Ledger.Published}, duplicates {Duplicates} (texts {Ledger.Duplicates.Count}), losses {Losses}, unconfirmed {Unconfirmed} ({Ledger.UnconfirmedButSent} of them on the platform), API errors {ApiErrors}, settled after {Settle()}");

    private string Settle() => SettleSeconds.Count == 0
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"p50 {Stats.Percentile([.. SettleSeconds.Order()], 50):0.0} s, max {SettleSeconds.Max():0.0} s");

    /// <summary>Every platform's figures added up, named "total" (a trial covers every platform, so trials are not added).</summary>
    public static PlatformReport Total(IReadOnlyList<PlatformReport> reports) => new(
        "total", reports.Count == 0 ? 0 : reports.Max(r => r.Trials), reports.Sum(r => r.Targets),
        new LedgerReport([.. reports.SelectMany(r => r.Ledger.Duplicates)], [.. reports.SelectMany(r => r.Ledger.Losses)],
            reports.Sum(r => r.Unconfirmed), reports.Sum(r => r.Ledger.UnconfirmedButSent), reports.Sum(r => r.Ledger.Published)),
        reports.Sum(r => r.Missing), [.. reports.SelectMany(r => r.SettleSeconds)], reports.Sum(r => r.ApiErrors));
}
