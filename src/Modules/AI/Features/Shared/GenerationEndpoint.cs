using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AI.Generation;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;

namespace Platform.AI.Features.Shared;

internal static class GenerationEndpoint
{
    /// <summary>
    /// Maps a POST that validates, renders the template, refuses platforms the tenant has not connected, runs the
    /// generation flow and answers the stored request. It has no request-long unit of work: each step that needs the
    /// database opens a short one, so no connection waits on moderation or a provider.
    /// </summary>
    public static RouteHandlerBuilder MapGeneration<TRequest>(this IEndpointRouteBuilder ai, string path, string name)
        where TRequest : IGenerationRequest =>
        ai.MapPost(path, async (TRequest request, GenerationFlow flow, CancellationToken cancellationToken) =>
                Results.Ok(await flow.RunAsync(request, cancellationToken)))
            .WithOwnUnitsOfWork()
            .Validate<TRequest>()
            .RequireAuthorization(Policies.Editor)
            .WithName(name)
            .Produces<AiRequestView>()
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
