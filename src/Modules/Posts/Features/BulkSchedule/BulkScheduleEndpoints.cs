using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.Posts.Features.BulkSchedule;

internal static class BulkScheduleEndpoints
{
    public static void Map(IEndpointRouteBuilder posts)
    {
        posts.MapPost("/bulk", ScheduleJsonAsync)
            .WithName("BulkSchedulePosts")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("Creates and schedules up to 500 posts at once; all or nothing, with problems reported per row.")
            .RequireAuthorization(Policies.Editor)
            .RequireScope(ApiScope.Publish)
            // Each target's platform is asked whether the account takes it: no connection may wait on that.
            .WithOwnUnitsOfWork()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        posts.MapPost("/bulk/csv", ScheduleCsvAsync)
            .WithName("BulkSchedulePostsCsv")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("The same from a CSV body (text/csv) or an uploaded file field 'file': scheduled_at, time_zone, accounts (';'-separated), content, title, type, link.")
            .RequireAuthorization(Policies.Editor)
            .RequireScope(ApiScope.Publish)
            .Accepts<string>("text/csv")
            .WithOwnUnitsOfWork()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
        posts.MapPost("/bulk/csv/preview", PreviewCsvAsync)
            .WithName("PreviewBulkPostsCsv")
            .WithSummary("Checks a CSV as /bulk/csv would and answers, row by row, what would be scheduled or the row's problems; creates nothing.")
            .RequireAuthorization(Policies.Editor)
            .Accepts<string>("text/csv")
            .WithOwnUnitsOfWork()
            .DisableAntiforgery();
    }

    private static async Task<Created<BulkScheduleResponse>> ScheduleJsonAsync(
        BulkScheduleRequest request, HttpContext context, CheckedBulkScheduling scheduler, CancellationToken cancellationToken)
    {
        if (request.Posts?.Any(row => row is null) == true)
        {
            throw ProblemException.BadRequest("A row of 'posts' must not be null.");
        }
        var ids = await scheduler.ScheduleAsync(request.Posts ?? [], [], context.User.RequiredUserId(), cancellationToken);
        return TypedResults.Created("/api/v1/posts?status=Scheduled", new BulkScheduleResponse(ids));
    }

    private static async Task<Created<BulkScheduleResponse>> ScheduleCsvAsync(HttpContext context, CheckedBulkScheduling scheduler, CancellationToken cancellationToken)
    {
        using var reader = await OpenAsync(context.Request, cancellationToken);
        var (rows, errors) = await CsvRows.ReadAsync(reader, cancellationToken);
        var ids = await scheduler.ScheduleAsync(rows, errors, context.User.RequiredUserId(), cancellationToken);
        return TypedResults.Created("/api/v1/posts?status=Scheduled", new BulkScheduleResponse(ids));
    }

    private static async Task<Ok<BulkPreviewResponse>> PreviewCsvAsync(HttpContext context, CheckedBulkScheduling scheduler, CancellationToken cancellationToken)
    {
        using var reader = await OpenAsync(context.Request, cancellationToken);
        var (rows, errors) = await CsvRows.ReadAsync(reader, cancellationToken);
        return TypedResults.Ok(await scheduler.PreviewAsync(rows, errors, context.User.RequiredUserId(), cancellationToken));
    }

    private static async Task<TextReader> OpenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files["file"] ?? throw ProblemException.BadRequest("Upload the CSV in a form field named 'file'.");
            return new StreamReader(file.OpenReadStream());
        }
        if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw new ProblemException(415, "Unsupported media type", "Send text/csv, or a multipart form with a 'file' field.");
        }
        return new StreamReader(request.Body);
    }
}
