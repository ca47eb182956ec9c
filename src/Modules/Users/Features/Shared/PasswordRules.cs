using FluentValidation;

namespace Platform.Users.Features.Shared;

internal static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>Length over composition rules (NIST SP 800-63B); the upper bound keeps Argon2's input sane.</summary>
    public static IRuleBuilderOptions<T, string> StrongPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MinimumLength(MinimumLength).MaximumLength(MaximumLength);

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(254).EmailAddress();
}
