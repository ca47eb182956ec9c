using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AI.Contracts;
using Platform.AI.Features.Shared;
using Platform.AI.Generation;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.AI.Features.GenerateHashtags;

internal static class GenerateHashtagsEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) =>
        ai.MapPost("/hashtags", HandleAsync)
            .Validate<GenerateHashtagsRequest>()
            .RequireAuthorization(Policies.Editor)
            .WithName("GenerateHashtags")
            .Produces<AiRequestView>()
            .ProducesProblem(StatusCodes.Status402PaymentRequired);

    private static async Task<IResult> HandleAsync(
        GenerateHashtagsRequest request, ITenantContext tenant, AiGenerator generator, CancellationToken cancellationToken)
    {
        var (tenantId, userId) = tenant.Caller();
        var task = new AiTask(AiRequestType.Hashtags, request.Text.Trim(), GenerationRules.Canonical(request.Platforms), Count: request.Count);
        return Results.Ok(await generator.GenerateAsync(tenantId, userId, task, cancellationToken));
    }
}
