using System.ComponentModel;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Platform.Agents.Features.Shared;
using Platform.AI.Contracts;
using Platform.SharedKernel.Security;

namespace Platform.Agents.Features.GenerateCaption;

[McpServerToolType]
internal sealed class GenerateCaptionTool(ToolInvoker invoker)
{
    public const string Name = "generate_caption";

    [McpServerTool(Name = Name, Destructive = false)]
    [Description("Writes caption variants fitted to the platforms' length limits, charged to the tenant's AI budget " +
        "(when it is used up the call fails saying so). The answer is the stored AI request; its output holds the captions.")]
    public Task<string> GenerateAsync(
        ClaimsPrincipal caller,
        [Description("What the post is about.")] string prompt,
        [Description("Platforms to fit (x, linkedin, instagram, ...); each needs a connected account.")] string[] platforms,
        CancellationToken cancellationToken,
        [Description("How many variants, 1 to 5.")] int variants = 3,
        [Description("An optional tone (professional, casual, ...).")] string? tone = null) =>
        invoker.RunAsync(caller, Name, ApiScope.AiGenerate, ToolDatabaseUse.OwnUnitsOfWork,
            services => services.GetRequiredService<IAiGeneration>().GenerateCaptionsAsync(prompt, platforms, variants, tone, cancellationToken),
            cancellationToken);
}
