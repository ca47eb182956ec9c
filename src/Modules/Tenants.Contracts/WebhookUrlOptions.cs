using Microsoft.Extensions.DependencyInjection;

namespace Platform.Tenants.Contracts;

/// <summary>
/// Section <c>Webhooks</c>, as far as the tenant's webhook URL goes: the rule the URL is saved under and delivered to
/// under, shared by the module that stores it and the one that posts to it.
/// </summary>
public sealed class WebhookUrlOptions
{
    public const string Section = "Webhooks";

    /// <summary>Accept and deliver to plain-http URLs (local testing only).</summary>
    public bool AllowHttp { get; set; }

    public static void Register(IServiceCollection services) =>
        services.AddOptions<WebhookUrlOptions>().BindConfiguration(Section).ValidateOnStart();
}
