using FluentValidation;
using Platform.SocialAccounts.Features.Shared;

namespace Platform.SocialAccounts.Features.Connect;

internal sealed class ConnectValidator : AbstractValidator<ConnectRequest>
{
    public ConnectValidator()
    {
        RuleFor(r => r.Platform).NotEmpty();
        RuleFor(r => r.Code).NotEmpty().MaximumLength(4096);
        RuleFor(r => r.State).NotEmpty().MaximumLength(2048);
        RuleFor(r => r.RedirectUri).NotEmpty().Must(RedirectUris.IsValid).WithMessage("redirectUri must be an absolute http(s) URL without a fragment.");
    }
}
