using FluentValidation;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.PasswordReset;

internal sealed record ConfirmPasswordResetRequest(string Token, string NewPassword);

internal sealed class ConfirmPasswordResetRequestValidator : AbstractValidator<ConfirmPasswordResetRequest>
{
    public ConfirmPasswordResetRequestValidator()
    {
        RuleFor(r => r.Token).NotEmpty().MaximumLength(200);
        RuleFor(r => r.NewPassword).StrongPassword();
    }
}
