using Platform.AI.Generation;
using Platform.SharedKernel.Tenancy;

namespace Platform.AI.Features.Shared;

/// <summary>
/// A validated synchronous generation request for the current caller: renders the template, refuses platforms the tenant has
/// not connected, runs the generation flow and answers the stored request. Opens only short units of work.
/// </summary>
internal sealed class GenerationFlow(ITenantContext tenant, GenerationChecks checks, AiGenerator generator)
{
    public async Task<AiRequestView> RunAsync<TRequest>(TRequest request, CancellationToken cancellationToken) where TRequest : IGenerationRequest
    {
        var (tenantId, userId) = tenant.Caller();
        var task = await checks.PrepareAsync(tenantId, request.TemplateId, request.Variables, request.ToTask, t => t.Platforms, cancellationToken);
        return await generator.GenerateAsync(tenantId, userId, task, cancellationToken);
    }
}
