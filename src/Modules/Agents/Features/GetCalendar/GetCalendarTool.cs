using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Platform.Agents.Features.Shared;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Security;

namespace Platform.Agents.Features.GetCalendar;

[McpServerToolType]
internal sealed class GetCalendarTool(ToolInvoker invoker)
{
    public const string Name = "get_calendar";

    [McpServerTool(Name = Name, ReadOnly = true)]
    [Description("Scheduled and published posts between two instants (at most 92 days apart), by day in the tenant's time zone " +
        "or the one given: each post's id, title, status, time and platforms.")]
    public Task<string> GetAsync(
        ClaimsPrincipal caller,
        [Description("Start, ISO 8601 with offset.")] DateTimeOffset from,
        [Description("End (excluded), ISO 8601 with offset.")] DateTimeOffset to,
        CancellationToken cancellationToken,
        [Description("An IANA time zone to group days in (default the tenant's).")] string? timeZone = null) =>
        invoker.RunAsync(caller, Name, ApiScope.PostsRead, ToolDatabaseUse.UnitOfWork,
            services => services.GetRequiredService<IPosts>().CalendarAsync(from, to, timeZone, cancellationToken),
            cancellationToken);
}
