using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Analytics.Reports;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Analytics.Features.Reports;

internal static class ExportEndpoint
{
    private static readonly string[] Header =
    [
        "post_id", "target_id", "platform", "account_id", "platform_post_id", "published_at", "fetched_at", "impressions", "reach", "views",
        "likes", "comments", "shares", "saves", "clicks", "engagement_rate",
    ];

    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/analytics/export.csv", HandleAsync)
        .WithTags("Analytics")
        .WithName("ExportAnalytics")
        .WithSummary("The targets published from..to with their latest metrics as CSV (RFC 4180, a header row, one row per target; " +
            "published_at in the tenant's time zone; text a spreadsheet would run as a formula starts with an apostrophe).")
        .WithDescription(EngagementRate.Definition)
        .Produces(StatusCodes.Status200OK, contentType: "text/csv")
        .RequireAuthorization(Policies.Viewer);

    private static async Task<FileContentHttpResult> HandleAsync(
        [AsParameters] ReportParameters query, ReportQuery reports, DbSession session, ITenantContext tenant, CancellationToken cancellationToken)
    {
        var filter = await reports.FilterAsync(query.From, query.To, query.Platform, query.AccountId, cancellationToken);
        var (sql, parameters) = Query(tenant.RequiredTenantId, filter);
        await using var command = await session.CreateCommandAsync(sql, cancellationToken);
        command.Parameters.AddRange(parameters.ToArray());
        var csv = new StringBuilder();
        CsvField.AppendRow(csv, Header);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var published = TimeZoneInfo.ConvertTime(reader.GetFieldValue<DateTimeOffset>(5), filter.Zone);
                CsvField.AppendRow(csv,
                [
                    reader.GetGuid(0).ToString(), reader.GetGuid(1).ToString(), CsvField.Text(reader.GetString(2)), reader.GetGuid(3).ToString(),
                    CsvField.Text(reader.GetString(4)), published.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    reader.GetFieldValue<DateTimeOffset>(6).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    Number(reader, 7), Number(reader, 8), Number(reader, 9), Number(reader, 10), Number(reader, 11), Number(reader, 12),
                    Number(reader, 13), Number(reader, 14),
                    reader.IsDBNull(16) ? "" : EngagementRate.Of(reader.GetInt64(15), reader.GetInt64(16))?.ToString(CultureInfo.InvariantCulture) ?? "",
                ]);
            }
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"analytics-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.csv");
    }

    internal static (string Sql, List<Npgsql.NpgsqlParameter> Parameters) Query(Guid tenantId, ReportFilter filter)
    {
        var (where, parameters) = TargetFilterSql.For(tenantId, filter);
        return ($"""
            SELECT l.post_id, l.target_id, l.platform, l.social_account_id, l.platform_post_id, l.published_at, l.fetched_at,
                   l.impressions, l.reach, l.views, l.likes, l.comments, l.shares, l.saves, l.clicks, l.engagements, l.engagement_base
            FROM analytics.latest_target_metrics l
            {where}
            ORDER BY l.published_at, l.target_id
            """, parameters);
    }

    private static string Number(Npgsql.NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? "" : reader.GetInt64(ordinal).ToString(CultureInfo.InvariantCulture);
}
