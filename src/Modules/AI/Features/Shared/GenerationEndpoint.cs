using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AI.Generation;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.AI.Features.Shared;

/// <summary>A synchronous generation request: what differs between use cases is only how it becomes an <see cref="AiTask"/>.</summary>
internal interface IGenerationRequest
{
    Guid? TemplateId => null;

    Dictionary<string, string>? Variables => null;

    /// <param name="guidance">The tenant template rendered with the request's variables, if one was named.</param>
    AiTask ToTask(string? guidance);
}

internal static class GenerationEndpoint
{
    /// <summary>
    /// Maps a POST that validates, renders the template, refuses platforms the tenant has not connected, runs the
    /// generation flow and answers the stored request.
    /// </summary>
    public static RouteHandlerBuilder MapGeneration<TRequest>(this IEndpointRouteBuilder ai, string path, string name)
        where TRequest : IGenerationRequest =>
        ai.MapPost(path, async (
                TRequest request, ITenantContext tenant, TemplateGuidance templates, ConnectedPlatforms connected, AiGenerator generator,
                CancellationToken cancellationToken) =>
            {
                var (tenantId, userId) = tenant.Caller();
                var task = request.ToTask(await templates.RenderAsync(request.TemplateId, request.Variables, cancellationToken));
                await connected.EnsureConnectedAsync(task.Platforms, cancellationToken);
                return Results.Ok(await generator.GenerateAsync(tenantId, userId, task, cancellationToken));
            })
            .Validate<TRequest>()
            .RequireAuthorization(Policies.Editor)
            .WithName(name)
            .Produces<AiRequestView>()
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
}
