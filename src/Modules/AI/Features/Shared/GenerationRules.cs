using FluentValidation;
using Platform.SocialAccounts.Contracts;

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
            .Must(p => p.Length <= SocialPlatforms.All.Count).WithMessage("Too many platforms.")
            .Must(p => p.All(name => TryParsePlatform(name, out _)))
            .WithMessage($"Unknown platform. Known: {string.Join(", ", SocialPlatforms.All.Select(p => p.Slug()))} (twitter is accepted for x).");

    public static IRuleBuilderOptions<T, string?> ValidTone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxToneChars);

    /// <summary>Validated names as platforms, once each, in the order of their names (part of the stored input and the cache key).</summary>
    public static SocialPlatform[] Canonical(string[] platforms) =>
        platforms.Select(name => TryParsePlatform(name, out var platform) ? platform : throw new ArgumentException($"Unknown platform {name}.", nameof(platforms)))
            .Distinct().OrderBy(p => p.Slug(), StringComparer.Ordinal).ToArray();

    // Many people still call X twitter.
    private static bool TryParsePlatform(string name, out SocialPlatform platform) =>
        SocialPlatforms.TryParse(string.Equals(name, "twitter", StringComparison.OrdinalIgnoreCase) ? "x" : name, out platform);
}
