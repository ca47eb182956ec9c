using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AI.Contracts;
using Platform.AI.Features.Shared;
using Platform.AI.Generation;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.AI.Features.GenerateContent;

internal static class GenerateContentEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) =>
        ai.MapPost("/content", HandleAsync)
            .Validate<GenerateContentRequest>()
            .RequireAuthorization(Policies.Editor)
            .WithName("GenerateContent")
            .Produces<AiRequestView>()
            .ProducesProblem(StatusCodes.Status402PaymentRequired);

    private static async Task<IResult> HandleAsync(
        GenerateContentRequest request, ITenantContext tenant, TemplateGuidance templates, AiGenerator generator, CancellationToken cancellationToken)
    {
        var (tenantId, userId) = tenant.Caller();
        var guidance = await templates.RenderAsync(request.TemplateId, request.Variables, cancellationToken);
        var task = new AiTask(AiRequestType.Content, request.Prompt.Trim(), GenerationRules.Canonical(request.Platforms),
            Tone: request.Tone, TemplateId: request.TemplateId, Guidance: guidance);
        return Results.Ok(await generator.GenerateAsync(tenantId, userId, task, cancellationToken));
    }
}
