using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Platform.Agents.Features.Shared;
using Platform.Analytics.Contracts;
using Platform.SharedKernel.Security;

namespace Platform.Agents.Features.GetAnalytics;

[McpServerToolType]
internal sealed class GetAnalyticsTool(ToolInvoker invoker)
{
    public const string Name = "get_analytics";

    [McpServerTool(Name = Name, ReadOnly = true)]
    [Description("The analytics overview of posts published between two days (in the tenant's time zone, both included; " +
        "default the last 30 days): totals, per platform, per account (with followers) and per day.")]
    public Task<string> GetAsync(
        ClaimsPrincipal caller,
        CancellationToken cancellationToken,
        [Description("First day, yyyy-MM-dd.")] DateOnly? from = null,
        [Description("Last day, yyyy-MM-dd.")] DateOnly? to = null) =>
        invoker.RunAsync(caller, Name, ApiScope.AnalyticsRead, ToolDatabaseUse.UnitOfWork,
            services => services.GetRequiredService<IAnalyticsReports>().OverviewAsync(from, to, cancellationToken),
            cancellationToken);
}
