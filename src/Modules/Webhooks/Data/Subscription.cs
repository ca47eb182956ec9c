using Platform.Webhooks.Contracts;

namespace Platform.Webhooks.Data;

/// <summary>
/// Where a tenant wants some of its events posted. Its signing secret is derived from <see cref="SecretSalt"/>; after a
/// rotation the previous one keeps signing (beside the new one) until <see cref="PreviousSecretValidUntil"/>.
/// </summary>
internal sealed class Subscription
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Url { get; private set; } = "";
    public List<WebhookEventType> EventTypes { get; private set; } = [];
    public bool Active { get; private set; }
    public string SecretSalt { get; private set; } = "";
    public string? PreviousSecretSalt { get; private set; }
    public DateTimeOffset? PreviousSecretValidUntil { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Subscription()
    {
    }

    public static Subscription Create(Guid tenantId, string url, IEnumerable<WebhookEventType> eventTypes, bool active, string secretSalt, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        Url = url,
        EventTypes = Distinct(eventTypes),
        Active = active,
        SecretSalt = secretSalt,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Fields left null stay as they are.</summary>
    public void Change(string? url, IEnumerable<WebhookEventType>? eventTypes, bool? active, DateTimeOffset now)
    {
        Url = url ?? Url;
        EventTypes = eventTypes is null ? EventTypes : Distinct(eventTypes);
        Active = active ?? Active;
        UpdatedAt = now;
    }

    public bool Wants(WebhookEventType type) => Active && EventTypes.Contains(type);

    /// <summary>A new secret from <paramref name="newSalt"/>; the current one stays valid for <paramref name="grace"/>.</summary>
    public void RotateSecret(string newSalt, TimeSpan grace, DateTimeOffset now)
    {
        PreviousSecretSalt = SecretSalt;
        PreviousSecretValidUntil = now + grace;
        SecretSalt = newSalt;
        UpdatedAt = now;
    }

    /// <summary>The salts whose secrets sign a delivery sent at <paramref name="now"/>: the current one first.</summary>
    public IReadOnlyList<string> SigningSaltsAt(DateTimeOffset now) =>
        PreviousSecretSalt is { } previous && PreviousSecretValidUntil > now ? [SecretSalt, previous] : [SecretSalt];

    private static List<WebhookEventType> Distinct(IEnumerable<WebhookEventType> types) => [.. types.Distinct().Order()];
}
