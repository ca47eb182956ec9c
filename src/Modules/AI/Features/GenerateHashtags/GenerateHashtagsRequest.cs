using FluentValidation;
using Platform.AI.Contracts;
using Platform.AI.Features.Shared;
using Platform.AI.Generation;

namespace Platform.AI.Features.GenerateHashtags;

internal sealed record GenerateHashtagsRequest(string Text, string[] Platforms, int Count = 10) : IGenerationRequest
{
    public AiTask ToTask(string? guidance) => new(AiRequestType.Hashtags, Text.Trim(), GenerationRules.Canonical(Platforms), Count: Count);
}

internal sealed class GenerateHashtagsValidator : AbstractValidator<GenerateHashtagsRequest>
{
    public GenerateHashtagsValidator()
    {
        RuleFor(r => r.Text).ValidPrompt();
        RuleFor(r => r.Platforms).ValidPlatforms();
        RuleFor(r => r.Count).InclusiveBetween(1, 30);
    }
}
