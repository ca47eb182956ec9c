using FluentValidation;
using Platform.SocialAccounts.Features.Shared;

namespace Platform.SocialAccounts.Features.GetAuthUrl;

internal sealed class GetAuthUrlValidator : AbstractValidator<GetAuthUrlRequest>
{
    public GetAuthUrlValidator() =>
        RuleFor(r => r.RedirectUri).Must(u => RedirectUris.IsValid(u!)).When(r => r.RedirectUri is not null)
            .WithMessage("redirectUri must be an absolute http(s) URL without a fragment.");
}
