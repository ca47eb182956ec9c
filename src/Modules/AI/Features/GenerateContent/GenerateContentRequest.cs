using FluentValidation;
using Platform.AI.Features.Shared;

namespace Platform.AI.Features.GenerateContent;

internal sealed record GenerateContentRequest(
    string Prompt,
    string[] Platforms,
    string? Tone = null,
    Guid? TemplateId = null,
    Dictionary<string, string>? Variables = null);

internal sealed class GenerateContentValidator : AbstractValidator<GenerateContentRequest>
{
    public GenerateContentValidator()
    {
        RuleFor(r => r.Prompt).ValidPrompt();
        RuleFor(r => r.Platforms).ValidPlatforms();
        RuleFor(r => r.Tone).ValidTone();
    }
}
