using FluentValidation;
using Platform.AI.Generation;

namespace Platform.AI.Features.Shared;

/// <summary>Validation every generation request shares: a prompt of sane size and known target platforms.</summary>
internal static class GenerationRules
{
    public const int MaxPromptChars = 4000;
    public const int MaxToneChars = 60;

    public static IRuleBuilderOptions<T, string> ValidPrompt<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the text to work from.")
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Give the text to work from.")
            .MaximumLength(MaxPromptChars).WithMessage($"At most {MaxPromptChars} characters.");

    public static IRuleBuilderOptions<T, string[]> ValidPlatforms<T>(this IRuleBuilderInitial<T, string[]> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Name at least one target platform.")
            .Must(p => p.Length <= SocialPlatforms.Names.Count).WithMessage("Too many platforms.")
            .Must(p => p.All(SocialPlatforms.IsKnown))
            .WithMessage(r => $"Unknown platform. Known: {string.Join(", ", SocialPlatforms.Names)} (twitter is accepted for x).");

    public static IRuleBuilderOptions<T, string?> ValidTone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxToneChars);

    public static string[] Canonical(string[] platforms) =>
        platforms.Select(p => SocialPlatforms.Find(p)!.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
}
