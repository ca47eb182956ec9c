using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AI.Contracts;
using Platform.AI.Features.Shared;
using Platform.AI.Generation;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.AI.Features.ImproveContent;

internal static class ImproveContentEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) =>
        ai.MapPost("/improve", HandleAsync)
            .Validate<ImproveContentRequest>()
            .RequireAuthorization(Policies.Editor)
            .WithName("ImproveContent")
            .Produces<AiRequestView>()
            .ProducesProblem(StatusCodes.Status402PaymentRequired);

    private static async Task<IResult> HandleAsync(
        ImproveContentRequest request, ITenantContext tenant, AiGenerator generator, CancellationToken cancellationToken)
    {
        var (tenantId, userId) = tenant.Caller();
        var task = new AiTask(AiRequestType.Improve, request.Content.Trim(), GenerationRules.Canonical(request.Platforms),
            Tone: request.Tone, Goal: request.Goal);
        return Results.Ok(await generator.GenerateAsync(tenantId, userId, task, cancellationToken));
    }
}
