using System.Collections.Frozen;
using Platform.Audit.Contracts;

namespace Platform.Audit.Recording;

/// <summary>The stable dotted name each action is stored and filtered by, and the type of resource it changes.</summary>
internal static class AuditActionNames
{
    private static readonly FrozenDictionary<AuditAction, (string Name, string ResourceType)> Actions = new Dictionary<AuditAction, (string, string)>
    {
        [AuditAction.SignInSucceeded] = ("auth.sign_in_succeeded", ResourceTypes.User),
        [AuditAction.SignInFailed] = ("auth.sign_in_failed", ResourceTypes.User),
        [AuditAction.PasswordChanged] = ("user.password_changed", ResourceTypes.User),
        [AuditAction.UserCreated] = ("user.created", ResourceTypes.User),
        [AuditAction.UserRoleChanged] = ("user.role_changed", ResourceTypes.User),
        [AuditAction.UserDeactivated] = ("user.deactivated", ResourceTypes.User),
        [AuditAction.UserActivated] = ("user.activated", ResourceTypes.User),
        [AuditAction.InvitationCreated] = ("invitation.created", ResourceTypes.Invitation),
        [AuditAction.InvitationRevoked] = ("invitation.revoked", ResourceTypes.Invitation),
        [AuditAction.InvitationAccepted] = ("invitation.accepted", ResourceTypes.Invitation),
        [AuditAction.MfaEnabled] = ("user.mfa_enabled", ResourceTypes.User),
        [AuditAction.MfaDisabled] = ("user.mfa_disabled", ResourceTypes.User),
        [AuditAction.ApiKeyCreated] = ("api_key.created", ResourceTypes.ApiKey),
        [AuditAction.ApiKeyRevoked] = ("api_key.revoked", ResourceTypes.ApiKey),
        [AuditAction.WebhookCreated] = ("webhook.created", ResourceTypes.Webhook),
        [AuditAction.WebhookChanged] = ("webhook.changed", ResourceTypes.Webhook),
        [AuditAction.WebhookDeleted] = ("webhook.deleted", ResourceTypes.Webhook),
        [AuditAction.WebhookSecretRotated] = ("webhook.secret_rotated", ResourceTypes.Webhook),
        [AuditAction.TenantSettingsChanged] = ("tenant.settings_changed", ResourceTypes.Tenant),
        [AuditAction.PostCreated] = ("post.created", ResourceTypes.Post),
        [AuditAction.PostEdited] = ("post.edited", ResourceTypes.Post),
        [AuditAction.PostScheduled] = ("post.scheduled", ResourceTypes.Post),
        [AuditAction.PostPublishedNow] = ("post.published_now", ResourceTypes.Post),
        [AuditAction.PostDeleted] = ("post.deleted", ResourceTypes.Post),
        [AuditAction.AccountConnected] = ("account.connected", ResourceTypes.Account),
        [AuditAction.AccountDisconnected] = ("account.disconnected", ResourceTypes.Account),
        [AuditAction.AccountPaused] = ("account.paused", ResourceTypes.Account),
        [AuditAction.AccountResumed] = ("account.resumed", ResourceTypes.Account),
        [AuditAction.CheckoutStarted] = ("billing.checkout_started", ResourceTypes.Billing),
        [AuditAction.PlanChanged] = ("billing.plan_changed", ResourceTypes.Billing),
        // The key an agent called a tool with (of the Agents module's MCP server); the entry names the tool and its outcome.
        [AuditAction.AgentToolCalled] = ("agent.tool_called", ResourceTypes.ApiKey),
        // Actions named platform.* concern no one tenant: they are kept without one (migration 0092), by a named user.
        [AuditAction.PublishingOverviewViewed] = ("platform.publishing_overview_viewed", ResourceTypes.Publishing),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, AuditAction> ByName = Actions.ToFrozenDictionary(a => a.Value.Name, a => a.Key, StringComparer.Ordinal);

    /// <summary>Every resource type some action changes.</summary>
    public static IReadOnlySet<string> KnownResourceTypes { get; } = Actions.Values.Select(a => a.ResourceType).ToFrozenSet(StringComparer.Ordinal);

    public static string Name(this AuditAction action) => Actions[action].Name;

    public static string ResourceType(this AuditAction action) => Actions[action].ResourceType;

    /// <summary>An action of the platform's operators across tenants, kept without a tenant.</summary>
    public static bool IsPlatformWide(this AuditAction action) => action.Name().StartsWith(PlatformPrefix, StringComparison.Ordinal);

    public static bool TryParse(string name, out AuditAction action) => ByName.TryGetValue(name, out action);

    /// <summary>A stored name; one this version does not know is a fault of the data, not of the caller.</summary>
    public static AuditAction Parse(string name) =>
        TryParse(name, out var action) ? action : throw new InvalidOperationException($"Unknown stored audit action '{name}'.");

    private const string PlatformPrefix = "platform.";

    private static class ResourceTypes
    {
        public const string User = "user";
        public const string Invitation = "invitation";
        public const string ApiKey = "api_key";
        public const string Webhook = "webhook";
        public const string Tenant = "tenant";
        public const string Post = "post";
        public const string Account = "social_account";
        public const string Billing = "billing";
        public const string Publishing = "publishing";
    }
}
