using FluentValidation;
using Platform.AI.Contracts;
using Platform.AI.Features.Shared;
using Platform.AI.Generation;

namespace Platform.AI.Features.GenerateCaptions;

internal sealed record GenerateCaptionsRequest(
    string Prompt,
    string[] Platforms,
    int Variants = 3,
    string? Tone = null,
    Guid? TemplateId = null,
    Dictionary<string, string>? Variables = null) : IGenerationRequest
{
    public AiTask ToTask(string? guidance) => new(AiRequestType.Caption, Prompt.Trim(), GenerationRules.Canonical(Platforms),
        Variants: Variants, Tone: Tone, TemplateId: TemplateId, Guidance: guidance);
}

internal sealed class GenerateCaptionsValidator : AbstractValidator<GenerateCaptionsRequest>
{
    public const int MaxVariants = 5;

    public GenerateCaptionsValidator()
    {
        RuleFor(r => r.Prompt).ValidPrompt();
        RuleFor(r => r.Platforms).ValidPlatforms();
        RuleFor(r => r.Variants).InclusiveBetween(1, MaxVariants);
        RuleFor(r => r.Tone).ValidTone();
    }
}
