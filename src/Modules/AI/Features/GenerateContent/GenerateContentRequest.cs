using FluentValidation;
using Platform.AI.Contracts;
using Platform.AI.Features.Shared;
using Platform.AI.Generation;

namespace Platform.AI.Features.GenerateContent;

internal sealed record GenerateContentRequest(
    string Prompt,
    string[] Platforms,
    string? Tone = null,
    Guid? TemplateId = null,
    Dictionary<string, string>? Variables = null) : IGenerationRequest
{
    public AiTask ToTask(string? guidance) => new(AiRequestType.Content, Prompt.Trim(), GenerationRules.Canonical(Platforms),
        Tone: Tone, TemplateId: TemplateId, Guidance: guidance);
}

internal sealed class GenerateContentValidator : AbstractValidator<GenerateContentRequest>
{
    public GenerateContentValidator()
    {
        RuleFor(r => r.Prompt).ValidPrompt();
        RuleFor(r => r.Platforms).ValidPlatforms();
        RuleFor(r => r.Tone).ValidTone();
    }
}
