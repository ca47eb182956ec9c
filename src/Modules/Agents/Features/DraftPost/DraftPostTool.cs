using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Platform.Agents.Features.Shared;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Security;

namespace Platform.Agents.Features.DraftPost;

[McpServerToolType]
internal sealed class DraftPostTool(ToolInvoker invoker)
{
    public const string Name = "draft_post";

    [McpServerTool(Name = Name, Destructive = false)]
    [Description("Saves a post as a draft for one or more connected accounts. The answer is the post with each target's " +
        "content-rule problems (too long for X, a missing Pinterest board, ...), which must be fixed before it can be scheduled.")]
    public Task<string> DraftAsync(
        ClaimsPrincipal caller,
        [Description("The text of the post.")] string content,
        [Description("The accounts to post to (ids from list_accounts), each optionally with its own text and what its platform needs.")] PostDraftTarget[] targets,
        CancellationToken cancellationToken,
        [Description("text, image, video, link or carousel; media cannot be attached here.")] string type = "text",
        [Description("An optional title (YouTube, Pinterest, Reddit use it).")] string? title = null,
        [Description("An optional absolute http(s) link.")] string? link = null) =>
        invoker.RunAsync(caller, Name, ApiScope.PostsWrite, ToolDatabaseUse.UnitOfWork,
            services => services.GetRequiredService<IPosts>().CreateDraftAsync(new PostDraft(title, content, type, link, targets), cancellationToken),
            cancellationToken);
}
