using FluentValidation;

namespace Platform.SocialAccounts.Features.SelectAccounts;

internal sealed class SelectAccountsValidator : AbstractValidator<SelectAccountsRequest>
{
    public SelectAccountsValidator()
    {
        RuleFor(r => r.SelectionId).NotEmpty();
        RuleFor(r => r.ExternalIds).NotEmpty().Must(ids => ids.Count <= 100);
        RuleForEach(r => r.ExternalIds).NotEmpty();
    }
}
