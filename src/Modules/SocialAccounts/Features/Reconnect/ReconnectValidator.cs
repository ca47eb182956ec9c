using FluentValidation;
using Platform.SocialAccounts.Features.Shared;

namespace Platform.SocialAccounts.Features.Reconnect;

internal sealed class ReconnectValidator : AbstractValidator<ReconnectRequest>
{
    public ReconnectValidator() =>
        RuleFor(r => r.RedirectUri).Must(u => RedirectUris.IsValid(u!)).When(r => r.RedirectUri is not null)
            .WithMessage("redirectUri must be an absolute http(s) URL without a fragment.");
}
