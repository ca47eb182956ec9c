using Hangfire.Dashboard;
using Npgsql;
using Platform.Posts.Contracts;

namespace Platform.Host.Jobs.Publishing;

/// <summary>
/// The publishing pages of the jobs dashboard (due and in-flight targets, failures, paused accounts, dead letter) and
/// the due-but-unclaimed metric in its navigation. Hangfire keeps routes, menu and metrics in process-wide lists, so
/// they are added once per process; each request finds its own host's services.
/// </summary>
internal static class PublishingDashboard
{
    public sealed record Section(string Path, string Title);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new("/publishing", "Due and in flight"),
        new("/publishing/failures", "Failures"),
        new("/publishing/paused", "Paused accounts"),
        new("/publishing/dead-letter", "Dead letter"),
    ];

    /// <summary>Targets due that no dispatcher holds; the title carries the oldest one's lateness.</summary>
    public static readonly DashboardMetric DueUnclaimed = new("publishing:due-unclaimed", "Publishing: due, unclaimed", page =>
    {
        if (ReadBacklog(page) is not { } backlog)
        {
            return new Metric("?") { Style = MetricStyle.Danger, Title = "The publish queue could not be read." };
        }
        return new Metric(backlog.DueUnclaimed)
        {
            Style = backlog.DueUnclaimed == 0 ? MetricStyle.Default : MetricStyle.Warning,
            Highlighted = backlog.DueUnclaimed > 0,
            Title = $"Oldest due, unclaimed target late by {backlog.OldestDueLateness:hh\\:mm\\:ss}; {backlog.Queued} queued in all",
        };
    });

    /// <summary>How late the oldest due, unclaimed target is, in seconds.</summary>
    public static readonly DashboardMetric MaxLateness = new("publishing:max-lateness", "Publishing: oldest due, unclaimed (s)", page =>
        ReadBacklog(page) is { } backlog
            ? new Metric((long)backlog.OldestDueLateness.TotalSeconds) { Style = backlog.DueUnclaimed == 0 ? MetricStyle.Default : MetricStyle.Warning }
            : new Metric("?") { Style = MetricStyle.Danger });

    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }
        DashboardRoutes.Routes.Add("/publishing", new PublishingPageDispatcher("due", async (overview, cancellationToken) =>
            new DueTargetsPage(await overview.DueAndInFlightAsync(PublishingPageDispatcher.RowsPerPage, cancellationToken))));
        DashboardRoutes.Routes.Add("/publishing/failures", new PublishingPageDispatcher("failures", async (overview, cancellationToken) =>
            new TroubledTargetsPage("Failures", await overview.TroubledAsync(PublishingPageDispatcher.RowsPerPage, cancellationToken),
                "No target failed or waits for a retry.")));
        DashboardRoutes.Routes.Add("/publishing/paused", new PublishingPageDispatcher("paused", async (overview, cancellationToken) =>
            new PausedAccountsPage(await overview.PausedAccountsAsync(PublishingPageDispatcher.RowsPerPage, cancellationToken))));
        DashboardRoutes.Routes.Add("/publishing/dead-letter", new PublishingPageDispatcher("dead_letter", async (overview, cancellationToken) =>
            new TroubledTargetsPage("Dead letter", await overview.GivenUpAsync(PublishingPageDispatcher.RowsPerPage, cancellationToken),
                "No target was given up on.")));

        DashboardMetrics.AddMetric(DueUnclaimed);
        DashboardMetrics.AddMetric(MaxLateness);
        NavigationMenu.Items.Add(page => new MenuItem("Publishing", page.Url.To("/publishing"))
        {
            Active = page.RequestPath.StartsWith("/publishing", StringComparison.OrdinalIgnoreCase),
            Metrics = [DueUnclaimed],
        });
    }

    // Counts and times of the global due index only: no tenant's data, so reading it (on every dashboard page and
    // every metrics poll) is not audited, unlike the pages.
    private static PublishingBacklog? ReadBacklog(RazorPage page)
    {
        try
        {
            return page.Context.GetHttpContext().RequestServices.GetRequiredService<IPublishingOverview>().ReadBacklog();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return null;
        }
    }
}
