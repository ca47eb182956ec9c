using FluentValidation;
using Platform.AI.Features.Shared;

namespace Platform.AI.Features.GenerateImage;

internal sealed record GenerateImageRequest(string Prompt, string[]? Platforms = null, Guid? TemplateId = null, Dictionary<string, string>? Variables = null);

internal sealed class GenerateImageValidator : AbstractValidator<GenerateImageRequest>
{
    public GenerateImageValidator()
    {
        RuleFor(r => r.Prompt).ValidPrompt();
        RuleFor(r => r.Platforms!).ValidPlatforms().When(r => r.Platforms is not null);
    }
}
