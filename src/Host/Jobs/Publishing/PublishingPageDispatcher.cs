using System.Text.RegularExpressions;
using Hangfire.Dashboard;
using Platform.Audit.Contracts;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;

namespace Platform.Host.Jobs.Publishing;

/// <summary>
/// Serves one publishing page: reads every tenant's data through <see cref="IPublishingOverview"/> and records the read
/// in the audit trail in one unit of work without a tenant (the read commits only with its audit entry), releases the
/// connection, then renders. Hangfire renders pages synchronously and keeps their set-up internal, so the page, built
/// from the data already read, is handed to Hangfire's own page renderer.
/// </summary>
internal sealed class PublishingPageDispatcher(string pageName, Func<IPublishingOverview, CancellationToken, Task<RazorPage>> load)
    : IDashboardDispatcher
{
    /// <summary>The most rows a page shows.</summary>
    public const int RowsPerPage = 200;

    public async Task Dispatch(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        var scopes = http.RequestServices.GetRequiredService<IServiceScopeFactory>();
        var page = await scopes.RunAsync(tenantId: null, async services =>
        {
            var shown = await load(services.GetRequiredService<IPublishingOverview>(), http.RequestAborted);
            await services.GetRequiredService<IAuditTrail>().RecordAsync(
                new AuditRecord(AuditAction.PublishingOverviewViewed, null) { After = new { page = pageName } }, http.RequestAborted);
            return shown;
        }, http.RequestAborted);
        await Render(page).Dispatch(context);
    }

    private static IDashboardDispatcher Render(RazorPage page)
    {
        var renderer = new Hangfire.Dashboard.RouteCollection();
        renderer.AddRazorPage("/", (Match _) => page);
        return renderer.FindDispatcher("/").Item1;
    }
}
