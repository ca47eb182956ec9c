using System.Text.Json;
using FluentValidation;
using Platform.AI.Contracts;
using Platform.AI.Features.GenerateCaptions;
using Platform.AI.Features.GenerateHashtags;
using Platform.AI.Features.Shared;
using Platform.SharedKernel.Json;
using Platform.SharedKernel.Validation;

namespace Platform.AI.Gateway;

/// <summary><see cref="IAiGeneration"/> over the validators and the generation flow of the REST endpoints.</summary>
internal sealed class AiGateway(
    IValidator<GenerateCaptionsRequest> captions, IValidator<GenerateHashtagsRequest> hashtags, GenerationFlow flow) : IAiGeneration
{
    public async Task<JsonElement> GenerateCaptionsAsync(
        string prompt, IReadOnlyList<string> platforms, int variants, string? tone, CancellationToken cancellationToken)
    {
        var request = new GenerateCaptionsRequest(prompt, platforms?.ToArray()!, variants, tone);
        await captions.EnsureValidAsync(request, cancellationToken);
        return ApiJson.ToElement(await flow.RunAsync(request, cancellationToken));
    }

    public async Task<JsonElement> GenerateHashtagsAsync(string text, IReadOnlyList<string> platforms, int count, CancellationToken cancellationToken)
    {
        var request = new GenerateHashtagsRequest(text, platforms?.ToArray()!, count);
        await hashtags.EnsureValidAsync(request, cancellationToken);
        return ApiJson.ToElement(await flow.RunAsync(request, cancellationToken));
    }
}
