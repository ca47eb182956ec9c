using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Security;

namespace Platform.Webhooks;

/// <summary>Section <c>Webhooks</c>: the key secrets are derived from, which URLs are accepted, and how deliveries are retried.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    public const int MinimumKeyBytes = 32;

    /// <summary>Every subscription's secret is derived from it; its own key, never the JWT one.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Accept and deliver to plain-http URLs (local testing only).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Attempts per delivery (the first one included) before it is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Longest one attempt may take, from resolving the host to the end of the answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether this host sends deliveries (a host kept for the API alone may leave it to others).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Attempts one host sends at once, across all subscriptions.</summary>
    public int MaxConcurrency { get; set; } = 256;

    /// <summary>Attempts under way at once for one subscription, across hosts: a slow receiver holds up no more than this.</summary>
    public int MaxInFlightPerSubscription { get; set; } = 8;

    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public TimeSpan SecretRotationGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Checked at start-up: a missing, short or published key would let anyone forge our webhooks.</summary>
    public sealed class Validation(IHostEnvironment environment) : IValidateOptions<WebhookOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebhookOptions options)
        {
            var problems = SecretKeyRules.CheckText($"{Section}:{nameof(SigningKey)}", options.SigningKey, MinimumKeyBytes, environment).ToList();
            if (options.MaxAttempts is < 1 or > 20)
            {
                problems.Add($"{Section}:{nameof(MaxAttempts)} must be from 1 to 20.");
            }
            if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
            {
                problems.Add($"{Section}:{nameof(Timeout)} must be positive and at most a minute.");
            }
            if (options.MaxConcurrency is < 1 or > 1024)
            {
                problems.Add($"{Section}:{nameof(MaxConcurrency)} must be from 1 to 1024.");
            }
            if (options.MaxInFlightPerSubscription is < 1 or > 256)
            {
                problems.Add($"{Section}:{nameof(MaxInFlightPerSubscription)} must be from 1 to 256.");
            }
            if (options.SecretRotationGrace < TimeSpan.Zero || options.SecretRotationGrace > TimeSpan.FromDays(30))
            {
                problems.Add($"{Section}:{nameof(SecretRotationGrace)} must be from 0 to 30 days.");
            }
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
