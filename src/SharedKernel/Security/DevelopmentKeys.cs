namespace Platform.SharedKernel.Security;

/// <summary>
/// The keys in <c>appsettings.Development.json</c>. They are public (anyone who read the repository has them),
/// so a host outside the Development environment refuses to start with any of them in any key setting.
/// </summary>
public static class DevelopmentKeys
{
    public const string JwtSigningKey = "dev-only-signing-key-change-me-0123456789abcdef";
    public const string WebhookSigningKey = "dev-only-webhook-signing-key-0123456789abcdef";
    /// <summary>Base64 of "dev-only-social-accounts-key-001", under key id <c>dev</c>.</summary>
    public const string TokenEncryptionKey = "ZGV2LW9ubHktc29jaWFsLWFjY291bnRzLWtleS0wMDE=";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        JwtSigningKey,
        WebhookSigningKey,
        TokenEncryptionKey,
    };
}
