using FluentValidation;

namespace Platform.Users.Features.Mfa;

internal sealed record ConfirmMfaRequest(string Code);

internal sealed class ConfirmMfaRequestValidator : AbstractValidator<ConfirmMfaRequest>
{
    public ConfirmMfaRequestValidator() => RuleFor(r => r.Code).NotEmpty().Length(6).Matches("^[0-9]{6}$");
}
