using Microsoft.Extensions.DependencyInjection;
using Platform.AI.Generation;
using Platform.SharedKernel.Data;
using Platform.SocialAccounts.Contracts;

namespace Platform.AI.Features.Shared;

/// <summary>
/// What a generation request reads before any outside call (its template, the tenant's connected platforms), in a short
/// unit of work of its own: AI endpoints hold no connection while moderation or a provider answers.
/// </summary>
internal sealed class GenerationChecks(IServiceScopeFactory scopes)
{
    /// <param name="toTask">Builds the task from the rendered template guidance.</param>
    /// <param name="platformsToCheck">The platforms that must be connected, from the task; null checks none.</param>
    public Task<AiTask> PrepareAsync(
        Guid tenantId, Guid? templateId, IReadOnlyDictionary<string, string>? variables, Func<string?, AiTask> toTask,
        Func<AiTask, IReadOnlyList<SocialPlatform>?> platformsToCheck, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenantId, async services =>
        {
            var guidance = await services.GetRequiredService<TemplateGuidance>().RenderAsync(templateId, variables, cancellationToken);
            var task = toTask(guidance);
            if (platformsToCheck(task) is { } platforms)
            {
                await services.GetRequiredService<ConnectedPlatforms>().EnsureConnectedAsync(platforms, cancellationToken);
            }
            return task;
        }, cancellationToken);
}
