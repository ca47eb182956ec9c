using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;

namespace Platform.Posts.Features.Calendar;

internal sealed record CalendarEntry(Guid PostId, string? Title, PostStatus Status, DateTimeOffset At, IReadOnlyList<SocialPlatform> Platforms);

internal sealed record CalendarDay(DateOnly Date, IReadOnlyList<CalendarEntry> Posts);

internal sealed record CalendarResponse(string TimeZone, IReadOnlyList<CalendarDay> Days);

internal static class CalendarEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapGet("/calendar", HandleAsync)
        .WithTags("Posts")
        .WithName("GetCalendar")
        .WithSummary("Scheduled and published posts between from and to, by day in the tenant's time zone (or ?timeZone=), optionally only those on an account or platform or in a status.")
        .RequireAuthorization(Policies.Viewer)
        .RequireScope(ApiScope.PostsRead);

    private static async Task<Ok<CalendarResponse>> HandleAsync(
        DateTimeOffset from, DateTimeOffset to, CalendarQuery calendar, CancellationToken cancellationToken,
        string? timeZone = null, string? accountId = null, string? platform = null, string? status = null) =>
        TypedResults.Ok(await calendar.ReadAsync(from, to, timeZone, CalendarFilter.Parse(accountId, platform, status), cancellationToken));
}
