using FluentValidation;

namespace Platform.Users.Features.VerifyEmail;

internal sealed record VerifyEmailRequest(string Token);

internal sealed class VerifyEmailRequestValidator : AbstractValidator<VerifyEmailRequest>
{
    public VerifyEmailRequestValidator() => RuleFor(r => r.Token).NotEmpty().MaximumLength(200);
}
