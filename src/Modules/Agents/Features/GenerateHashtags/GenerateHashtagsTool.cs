using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Platform.Agents.Features.Shared;
using Platform.AI.Contracts;
using Platform.SharedKernel.Security;

namespace Platform.Agents.Features.GenerateHashtags;

[McpServerToolType]
internal sealed class GenerateHashtagsTool(ToolInvoker invoker)
{
    public const string Name = "generate_hashtags";

    [McpServerTool(Name = Name, Destructive = false)]
    [Description("Suggests hashtags for a text, as many as the platforms' conventions allow, charged to the tenant's AI budget " +
        "(when it is used up the call fails saying so). The answer is the stored AI request; its output holds the hashtags.")]
    public Task<string> GenerateAsync(
        ClaimsPrincipal caller,
        [Description("The post's text.")] string text,
        [Description("Platforms the hashtags are for (x, instagram, ...); each needs a connected account.")] string[] platforms,
        CancellationToken cancellationToken,
        [Description("How many at most, 1 to 30.")] int count = 10) =>
        invoker.RunAsync(caller, Name, ApiScope.AiGenerate, ToolDatabaseUse.OwnUnitsOfWork,
            services => services.GetRequiredService<IAiGeneration>().GenerateHashtagsAsync(text, platforms, count, cancellationToken),
            cancellationToken);
}
