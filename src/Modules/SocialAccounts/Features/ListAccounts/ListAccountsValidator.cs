using FluentValidation;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.ListAccounts;

internal sealed class ListAccountsValidator : AbstractValidator<ListAccountsRequest>
{
    public ListAccountsValidator() =>
        RuleFor(r => r.Platform).Must(p => SocialPlatforms.TryParse(p, out _)).When(r => r.Platform is not null)
            .WithMessage("Unknown platform.");
}
