using FluentValidation;

namespace Platform.SocialAccounts.Features.CheckContent;

internal sealed class CheckContentValidator : AbstractValidator<CheckContentRequest>
{
    // Longer than any platform's limit (Facebook's 63,206), short enough to count on every keystroke.
    public const int LongestText = 100_000;

    public CheckContentValidator()
    {
        RuleFor(r => r.Platforms).NotEmpty().Must(p => p.Count <= 9).WithMessage("Name at most nine platforms.");
        RuleForEach(r => r.Platforms).IsInEnum();
        RuleFor(r => r.Text).MaximumLength(LongestText);
        RuleFor(r => r.Link).MaximumLength(2048);
        RuleFor(r => r.Title).MaximumLength(1000);
    }
}
