using FluentValidation;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.Mfa;

internal sealed record DisableMfaRequest(string Password, string Code);

internal sealed class DisableMfaRequestValidator : AbstractValidator<DisableMfaRequest>
{
    public DisableMfaRequestValidator()
    {
        RuleFor(r => r.Password).NotEmpty().MaximumLength(PasswordRules.MaximumLength);
        RuleFor(r => r.Code).NotEmpty().MaximumLength(32);
    }
}
