using FluentValidation;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.PasswordReset;

internal sealed record RequestPasswordResetRequest(string Email);

internal sealed class RequestPasswordResetRequestValidator : AbstractValidator<RequestPasswordResetRequest>
{
    public RequestPasswordResetRequestValidator() => RuleFor(r => r.Email).ValidEmail();
}
