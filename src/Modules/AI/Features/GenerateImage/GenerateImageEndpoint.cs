using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.AI.Contracts;
using Platform.AI.Features.Shared;
using Platform.AI.Generation;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;

namespace Platform.AI.Features.GenerateImage;

/// <summary>
/// Images take tens of seconds, so the request only checks, moderates and reserves (402 and 422 still answer at
/// once), then answers 202 with the request to poll while a job calls the provider. Like every generation endpoint it
/// reads and reserves in short units of work of its own and holds no connection while moderation answers.
/// </summary>
internal static class GenerateImageEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) =>
        ai.MapPost("/images", HandleAsync)
            .WithOwnUnitsOfWork()
            .Validate<GenerateImageRequest>()
            .RequireAuthorization(Policies.Editor)
            .WithName("GenerateImage")
            .Produces<AiRequestView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> HandleAsync(
        GenerateImageRequest request, ITenantContext tenant, GenerationChecks checks, AiGenerator generator,
        IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        var (tenantId, userId) = tenant.Caller();
        var task = await checks.PrepareAsync(tenantId, request.TemplateId, request.Variables,
            guidance => new AiTask(AiRequestType.Image, guidance is null ? request.Prompt.Trim() : $"{request.Prompt.Trim()}\n{guidance}",
                GenerationRules.Canonical(request.Platforms ?? ["instagram"]), TemplateId: request.TemplateId),
            // Only platforms the user named: without any, the image is for no platform in particular.
            t => request.Platforms is null ? null : t.Platforms,
            cancellationToken);
        var (started, answered) = await generator.StartAsync(tenantId, userId, task, cancellationToken);
        if (answered is not null)
        {
            return Results.Ok(answered);
        }
        try
        {
            jobs.Enqueue<ImageGenerationJob>(job => job.RunAsync(tenantId, started.Id, CancellationToken.None));
        }
        catch
        {
            await generator.AbandonAsync(tenantId, started.Id, "The image job could not be queued; the reservation was released.");
            throw;
        }
        return Results.Accepted($"/api/v1/ai/requests/{started.Id}", AiRequestView.From(started));
    }
}
