using FluentValidation;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Outbound;
using Platform.Webhooks.Features.Shared;

namespace Platform.Webhooks.Features.CreateSubscription;

/// <param name="Url">Where deliveries are posted: https, default port, public addresses only.</param>
/// <param name="EventTypes">Wire names, such as <c>post.published</c>; at least one.</param>
/// <param name="Active">Whether events are delivered; true when left out.</param>
internal sealed record CreateSubscriptionRequest(string? Url, IReadOnlyList<string>? EventTypes, bool? Active);

internal sealed class CreateSubscriptionRequestValidator : AbstractValidator<CreateSubscriptionRequest>
{
    public CreateSubscriptionRequestValidator(OutboundUrlPolicy outbound, IOptions<WebhookOptions> options)
    {
        RuleFor(r => r.Url).ReceivableUrl(outbound, options.Value.AllowHttp);
        RuleFor(r => r.EventTypes).KnownEventTypes();
    }
}
