using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Security;

namespace Platform.Posts.Webhooks;

/// <summary>Refuses a missing, short or published <c>Webhooks:SigningKey</c> at start-up: it would let anyone forge our webhooks.</summary>
internal sealed class WebhookSigningOptionsValidator(IHostEnvironment environment) : IValidateOptions<WebhookSigningOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookSigningOptions options) => SecretKeyRules.ValidateText(
        $"{WebhookSigningOptions.Section}:{nameof(WebhookSigningOptions.SigningKey)}", options.SigningKey, WebhookSigningOptions.MinimumKeyBytes, environment);
}
