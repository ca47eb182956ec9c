using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Platform.Agents.Features.Shared;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Security;

namespace Platform.Agents.Features.PublishPost;

[McpServerToolType]
internal sealed class PublishPostTool(ToolInvoker invoker)
{
    public const string Name = "publish_post";

    [McpServerTool(Name = Name, Destructive = false, OpenWorld = true)]
    [Description("Publishes a draft or scheduled post now, with the same checks as schedule_post. The answer is the post; " +
        "its targets then go out in the background (see get_calendar).")]
    public Task<string> PublishAsync(
        ClaimsPrincipal caller,
        [Description("The post's id, as draft_post answered it.")] Guid postId,
        CancellationToken cancellationToken) =>
        invoker.RunAsync(caller, Name, ApiScope.Publish, ToolDatabaseUse.OwnUnitsOfWork,
            services => services.GetRequiredService<IPosts>().PublishNowAsync(postId, cancellationToken),
            cancellationToken);
}
