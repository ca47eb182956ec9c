using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>What a reset mail carries: <c>pwr1.{tenant id}.{reset id}.{secret}</c> (<see cref="LinkTokenText"/>).</summary>
internal sealed class PasswordResetToken
{
    public const string Version = "pwr1";

    private PasswordResetToken(Guid tenantId, Guid resetId, byte[] secret)
    {
        TenantId = tenantId;
        ResetId = resetId;
        this.secret = secret;
    }

    private readonly byte[] secret;

    public Guid TenantId { get; }
    public Guid ResetId { get; }

    public byte[] SecretHash => SHA256.HashData(secret);

    public static PasswordResetToken For(Guid tenantId, Guid resetId, MailTokenSecrets secrets) =>
        new(tenantId, resetId, secrets.Secret(Version, tenantId, resetId));

    public static bool TryParse(string text, [NotNullWhen(true)] out PasswordResetToken? token)
    {
        token = LinkTokenText.TryParse(text, Version, out var tenantId, out var resetId, out var secret)
            ? new PasswordResetToken(tenantId, resetId, secret)
            : null;
        return token is not null;
    }

    /// <summary>The text put in the mail; never logged or stored.</summary>
    public string Encode() => LinkTokenText.Format(Version, TenantId, ResetId, secret);
}
