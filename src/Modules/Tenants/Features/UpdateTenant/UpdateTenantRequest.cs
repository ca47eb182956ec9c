using FluentValidation;
using Platform.Tenants.Contracts;

namespace Platform.Tenants.Features.UpdateTenant;

/// <summary>Fields left out stay as they are.</summary>
internal sealed record UpdateTenantRequest(string? Name, TenantSettings? Settings);

internal sealed class UpdateTenantRequestValidator : AbstractValidator<UpdateTenantRequest>
{
    public UpdateTenantRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).When(r => r.Name is not null);
        When(r => r.Settings is not null, () =>
        {
            RuleFor(r => r.Settings!.TimeZone).NotEmpty()
                .Must(zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)).WithMessage("Unknown IANA time zone.");
            RuleFor(r => r.Settings!.Locale).NotEmpty().MaximumLength(35);
        });
    }
}
