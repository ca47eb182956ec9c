using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Platform.Agents.Features.Shared;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Security;

namespace Platform.Agents.Features.SchedulePost;

[McpServerToolType]
internal sealed class SchedulePostTool(ToolInvoker invoker)
{
    public const string Name = "schedule_post";

    [McpServerTool(Name = Name, Destructive = false)]
    [Description("Schedules a draft (or reschedules a scheduled post) for a future time, after each target passed its " +
        "platform's content rules and its platform accepts the account; otherwise nothing is scheduled and the error names each refused target.")]
    public Task<string> ScheduleAsync(
        ClaimsPrincipal caller,
        [Description("The post's id, as draft_post answered it.")] Guid postId,
        [Description("ISO 8601: with an offset (2026-12-01T09:00:00+01:00, ...Z) that instant; without one a wall-clock time in timeZone.")] string scheduledAt,
        CancellationToken cancellationToken,
        [Description("An IANA time zone for a time without offset (default UTC).")] string? timeZone = null) =>
        invoker.RunAsync(caller, Name, ApiScope.Publish, ToolDatabaseUse.OwnUnitsOfWork,
            services => services.GetRequiredService<IPosts>().ScheduleAsync(postId, scheduledAt, timeZone, cancellationToken),
            cancellationToken);
}
