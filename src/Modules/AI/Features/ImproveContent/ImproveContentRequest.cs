using FluentValidation;
using Platform.AI.Contracts;
using Platform.AI.Features.Shared;
using Platform.AI.Generation;

namespace Platform.AI.Features.ImproveContent;

/// <param name="Goal">shorter, more_engaging, change_tone (with <paramref name="Tone"/>) or adapt_to_platform.</param>
internal sealed record ImproveContentRequest(string Content, string Goal, string[] Platforms, string? Tone = null) : IGenerationRequest
{
    public AiTask ToTask(string? guidance) => new(AiRequestType.Improve, Content.Trim(), GenerationRules.Canonical(Platforms), Tone: Tone, Goal: Goal);
}

internal sealed class ImproveContentValidator : AbstractValidator<ImproveContentRequest>
{
    public ImproveContentValidator()
    {
        RuleFor(r => r.Content).ValidPrompt();
        RuleFor(r => r.Platforms).ValidPlatforms();
        RuleFor(r => r.Goal).Must(g => ImproveGoals.All.Contains(g))
            .WithMessage($"Unknown goal. Known: {string.Join(", ", ImproveGoals.All)}.");
        RuleFor(r => r.Tone).ValidTone();
        RuleFor(r => r.Tone).NotEmpty().When(r => r.Goal == ImproveGoals.ChangeTone).WithMessage("Say which tone to change to.");
    }
}
