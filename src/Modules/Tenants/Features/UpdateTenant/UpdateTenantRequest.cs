using FluentValidation;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Outbound;
using Platform.Tenants.Contracts;

namespace Platform.Tenants.Features.UpdateTenant;

/// <summary>Fields left out stay as they are.</summary>
internal sealed record UpdateTenantRequest(string? Name, TenantSettings? Settings);

internal sealed class UpdateTenantRequestValidator : AbstractValidator<UpdateTenantRequest>
{
    public UpdateTenantRequestValidator(OutboundUrlPolicy outbound, IOptions<WebhookUrlOptions> webhooks)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).When(r => r.Name is not null);
        When(r => r.Settings is not null, () =>
        {
            RuleFor(r => r.Settings!.TimeZone).NotEmpty()
                .Must(zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)).WithMessage("Unknown IANA time zone.");
            RuleFor(r => r.Settings!.Locale).NotEmpty().MaximumLength(35);
            // The platform will post to this URL, so it must not lead into our own network (server-side request forgery).
            RuleFor(r => r.Settings!.WebhookUrl).CustomAsync(async (url, context, cancellationToken) =>
            {
                if (await outbound.CheckAsync(url!, webhooks.Value.AllowHttp, cancellationToken) is { } refusal)
                {
                    context.AddFailure($"The webhook URL is refused: {refusal.Message}");
                }
            }).When(r => r.Settings!.WebhookUrl is not null);
        });
    }
}
