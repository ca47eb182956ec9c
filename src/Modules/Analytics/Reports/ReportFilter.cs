using Platform.SharedKernel.Errors;
using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>
/// What a report covers: targets published on the days <see cref="From"/> to <see cref="To"/> (both included) in the
/// tenant's time zone, optionally on one platform or one account.
/// </summary>
internal sealed record ReportFilter(DateOnly From, DateOnly To, TimeZoneInfo Zone, SocialPlatform? Platform, Guid? AccountId)
{
    public const int DefaultDays = 30;

    /// <summary>Checks the query; anything wrong is a 400 problem that says what.</summary>
    /// <param name="today">The tenant's today, which an open end defaults to.</param>
    public static ReportFilter Parse(DateOnly? from, DateOnly? to, string? platform, Guid? accountId, TimeZoneInfo zone, DateOnly today, int maxDays)
    {
        var end = to ?? today;
        var start = from ?? end.AddDays(-(DefaultDays - 1));
        if (start > end)
        {
            throw ProblemException.BadRequest("'from' must not be after 'to'.");
        }
        if (end.DayNumber - start.DayNumber + 1 > maxDays)
        {
            throw ProblemException.BadRequest($"A report spans at most {maxDays} days.");
        }
        SocialPlatform? onlyPlatform = null;
        if (platform is not null)
        {
            if (!SocialPlatforms.TryParse(platform, out var parsed))
            {
                throw ProblemException.BadRequest($"Unknown platform '{platform}'; use one of {string.Join(", ", SocialPlatforms.All.Select(p => p.Slug()))}.");
            }
            onlyPlatform = parsed;
        }
        return new ReportFilter(start, end, zone, onlyPlatform, accountId);
    }

    /// <summary>The first instant of <see cref="From"/> in the zone.</summary>
    public DateTimeOffset Start => StartOf(From);

    /// <summary>The first instant after <see cref="To"/> in the zone.</summary>
    public DateTimeOffset End => StartOf(To.AddDays(1));

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(From.AddDays);

    /// <summary>Where a day starts in the zone; a day whose midnight is skipped by a clock change starts when the clock resumes.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, Zone), TimeSpan.Zero);
    }

    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
