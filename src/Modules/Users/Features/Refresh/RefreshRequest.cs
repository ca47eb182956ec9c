using FluentValidation;

namespace Platform.Users.Features.Refresh;

internal sealed record RefreshRequest(string RefreshToken);

internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    public RefreshRequestValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(200);
}
