using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AI.Contracts;
using Platform.AI.Features.Shared;
using Platform.AI.Generation;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.AI.Features.GenerateCaptions;

internal static class GenerateCaptionsEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) =>
        ai.MapPost("/captions", HandleAsync)
            .Validate<GenerateCaptionsRequest>()
            .RequireAuthorization(Policies.Editor)
            .WithName("GenerateCaptions")
            .Produces<AiRequestView>()
            .ProducesProblem(StatusCodes.Status402PaymentRequired);

    private static async Task<IResult> HandleAsync(
        GenerateCaptionsRequest request, ITenantContext tenant, TemplateGuidance templates, AiGenerator generator, CancellationToken cancellationToken)
    {
        var (tenantId, userId) = tenant.Caller();
        var guidance = await templates.RenderAsync(request.TemplateId, request.Variables, cancellationToken);
        var task = new AiTask(AiRequestType.Caption, request.Prompt.Trim(), GenerationRules.Canonical(request.Platforms),
            Variants: request.Variants, Tone: request.Tone, TemplateId: request.TemplateId, Guidance: guidance);
        return Results.Ok(await generator.GenerateAsync(tenantId, userId, task, cancellationToken));
    }
}
