using FluentValidation;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Outbound;
using Platform.Webhooks.Features.Shared;

namespace Platform.Webhooks.Features.UpdateSubscription;

/// <summary>Fields left out stay as they are.</summary>
internal sealed record UpdateSubscriptionRequest(string? Url, IReadOnlyList<string>? EventTypes, bool? Active);

internal sealed class UpdateSubscriptionRequestValidator : AbstractValidator<UpdateSubscriptionRequest>
{
    public UpdateSubscriptionRequestValidator(OutboundUrlPolicy outbound, IOptions<WebhookOptions> options)
    {
        RuleFor(r => r.Url).ReceivableUrl(outbound, options.Value.AllowHttp).When(r => r.Url is not null);
        RuleFor(r => r.EventTypes).KnownEventTypes().When(r => r.EventTypes is not null);
    }
}
