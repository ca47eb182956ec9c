using FluentValidation;
using Platform.AI.Features.Shared;

namespace Platform.AI.Features.GenerateHashtags;

internal sealed record GenerateHashtagsRequest(string Text, string[] Platforms, int Count = 10);

internal sealed class GenerateHashtagsValidator : AbstractValidator<GenerateHashtagsRequest>
{
    public GenerateHashtagsValidator()
    {
        RuleFor(r => r.Text).ValidPrompt();
        RuleFor(r => r.Platforms).ValidPlatforms();
        RuleFor(r => r.Count).InclusiveBetween(1, 30);
    }
}
