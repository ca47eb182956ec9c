using System.Diagnostics.CodeAnalysis;
using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>What a reset mail carries: <c>pwr1.{tenant id}.{reset id}.{secret}</c>.</summary>
internal sealed class PasswordResetToken(Guid tenantId, Guid resetId, byte[] secret) : LinkToken(tenantId, resetId, secret)
{
    public const string Kind = "pwr1";

    protected override string Version => Kind;
    public Guid ResetId => Id;

    public static PasswordResetToken For(Guid tenantId, Guid resetId, MailTokenSecrets secrets) =>
        new(tenantId, resetId, secrets.Secret(Kind, tenantId, resetId));

    public static bool TryParse(string text, [NotNullWhen(true)] out PasswordResetToken? token)
    {
        token = TryRead(text, Kind, out var tenantId, out var resetId, out var secret) ? new(tenantId, resetId, secret) : null;
        return token is not null;
    }
}
