using FluentValidation;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.Register;

internal sealed record RegisterRequest(string TenantName, string Email, string Password, string? DisplayName);

internal sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator()
    {
        RuleFor(r => r.TenantName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Password).StrongPassword();
        RuleFor(r => r.DisplayName).MaximumLength(200);
    }
}
