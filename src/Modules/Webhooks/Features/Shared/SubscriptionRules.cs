using FluentValidation;
using Platform.SharedKernel.Outbound;
using Platform.Webhooks.Contracts;

namespace Platform.Webhooks.Features.Shared;

/// <summary>The rules a subscription's URL and event types follow, on creation and on every change.</summary>
internal static class SubscriptionRules
{
    public const int MaxUrlLength = 2000;

    /// <summary>The platform will post to this URL, so it must not lead into our own network (server-side request forgery).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> ReceivableUrl<T>(this IRuleBuilder<T, string?> rule, OutboundUrlPolicy outbound, bool allowHttp) =>
        rule.CustomAsync(async (url, context, cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength)
            {
                context.AddFailure($"The URL is required, at most {MaxUrlLength} characters.");
            }
            else if (await outbound.CheckAsync(url, allowHttp, cancellationToken) is { } refusal)
            {
                context.AddFailure($"The URL is refused: {refusal.Message}");
            }
        });

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> KnownEventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty().WithMessage("Choose at least one event type.")
            .Must(types => types!.All(type => WebhookEventTypes.TryParse(type, out _)))
            .WithMessage((request, types) => $"Unknown event types: {string.Join(", ", types!.Where(type => !WebhookEventTypes.TryParse(type, out _)))}. Known: {string.Join(", ", WebhookEventTypes.All)}.");

    public static IEnumerable<WebhookEventType> Parse(IEnumerable<string> names) =>
        names.Select(name => WebhookEventTypes.TryParse(name, out var type) ? type : throw new ArgumentException($"Unknown event type {name}."));
}
