namespace Platform.Posts.Webhooks;

/// <summary>The master key each tenant's webhook secret is derived from. Section <c>Webhooks</c>; its own key, never the JWT one.</summary>
internal sealed class WebhookSigningOptions
{
    public const string Section = "Webhooks";
    public const int MinimumKeyBytes = 32;

    public string SigningKey { get; set; } = "";
}
