using FluentValidation;
using Platform.Notifications.Contracts;
using Platform.Notifications.Data;

namespace Platform.Notifications.Features.Preferences;

internal sealed record UpdatePreferencesRequest(IReadOnlyList<PreferenceChange> Preferences);

internal sealed record PreferenceChange(NotificationKind Kind, bool Enabled);

internal sealed class UpdatePreferencesRequestValidator : AbstractValidator<UpdatePreferencesRequest>
{
    public UpdatePreferencesRequestValidator()
    {
        RuleFor(r => r.Preferences).NotNull()
            .Must(p => p.OfType<PreferenceChange>().DistinctBy(c => c.Kind).Count() == p.OfType<PreferenceChange>().Count())
            .WithMessage("Name each kind at most once.");
        RuleForEach(r => r.Preferences).NotNull().ChildRules(change =>
        {
            change.RuleFor(c => c.Kind).IsInEnum();
            change.RuleFor(c => c).Must(c => c.Enabled || !c.Kind.IsSecurity())
                .WithName("enabled").WithMessage(c => $"{c.Kind} mail keeps the account safe and cannot be switched off.");
        });
    }
}
