using FluentValidation;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.ChangePassword;

internal sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

internal sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(PasswordRules.MaximumLength);
        RuleFor(r => r.NewPassword).StrongPassword().NotEqual(r => r.CurrentPassword).WithMessage("Choose a password different from the current one.");
    }
}
