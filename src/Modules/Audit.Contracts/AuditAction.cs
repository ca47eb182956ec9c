namespace Platform.Audit.Contracts;

/// <summary>A state change the audit log records; each has a stable dotted name and the type of resource it changes.</summary>
public enum AuditAction
{
    SignInSucceeded,
    SignInFailed,
    PasswordChanged,
    UserCreated,
    UserRoleChanged,
    UserDeactivated,
    UserActivated,
    InvitationCreated,
    InvitationRevoked,
    InvitationAccepted,
    MfaEnabled,
    MfaDisabled,
    ApiKeyCreated,
    ApiKeyRevoked,
    WebhookCreated,
    WebhookChanged,
    WebhookDeleted,
    WebhookSecretRotated,
    TenantSettingsChanged,
    PostCreated,
    PostEdited,
    PostScheduled,
    PostPublishedNow,
    PostDeleted,
    AccountConnected,
    AccountDisconnected,
    AccountPaused,
    AccountResumed,
    CheckoutStarted,
    PlanChanged,
    AgentToolCalled,
    /// <summary>A platform administrator read every tenant's publishing state (a page of the jobs dashboard); kept without a tenant.</summary>
    PublishingOverviewViewed,
}
