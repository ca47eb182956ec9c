using Platform.SocialAccounts.Contracts;

namespace Platform.Analytics.Reports;

/// <summary>One weekday × hour slot (tenant's time zone): how posts published in it did, and how many there were.</summary>
internal sealed record TimeSlot(DayOfWeek Weekday, int Hour, int Posts, double? EngagementRate);

internal sealed record PlatformBestTimes(SocialPlatform Platform, IReadOnlyList<TimeSlot> Grid, IReadOnlyList<TimeSlot> Suggested);

internal sealed record BestTimes(DateOnly From, DateOnly To, string TimeZone, int MinPosts, IReadOnlyList<PlatformBestTimes> Platforms)
{
    public const int SuggestedPerPlatform = 3;

    /// <summary>
    /// The grid holds every slot with posts; a slot is suggested only with at least <paramref name="minPosts"/> posts that
    /// have an engagement rate, so two lucky posts are not sold as a finding. Posts counts those with a rate.
    /// </summary>
    public static BestTimes Of(ReportFilter filter, IReadOnlyList<SlotBucket> buckets, int minPosts)
    {
        var platforms = buckets.GroupBy(b => b.Platform).OrderBy(g => g.Key.ToString(), StringComparer.Ordinal).Select(platform =>
        {
            var grid = platform.GroupBy(b => (b.Weekday, b.Hour))
                .Select(slot => (slot.Key, Sums: MetricSums.Sum(slot.Select(b => b.Sums))))
                .Where(slot => slot.Sums.Targets > 0)
                .Select(slot => new TimeSlot(slot.Key.Weekday, slot.Key.Hour, slot.Sums.RatedTargets, slot.Sums.EngagementRate))
                .OrderBy(slot => slot.Weekday).ThenBy(slot => slot.Hour)
                .ToList();
            var suggested = grid.Where(slot => slot.Posts >= minPosts && slot.EngagementRate is not null)
                .OrderByDescending(slot => slot.EngagementRate).ThenByDescending(slot => slot.Posts).ThenBy(slot => slot.Weekday).ThenBy(slot => slot.Hour)
                .Take(SuggestedPerPlatform)
                .ToList();
            return new PlatformBestTimes(platform.Key, grid, suggested);
        }).ToList();
        return new BestTimes(filter.From, filter.To, filter.Zone.Id, minPosts, platforms);
    }
}
