using FluentValidation;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.Login;

/// <param name="Code">The authenticator code or a recovery code, when the account has MFA.</param>
internal sealed record LoginRequest(string Email, string Password, string? Code);

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(254);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(PasswordRules.MaximumLength);
        RuleFor(r => r.Code).MaximumLength(32);
    }
}
