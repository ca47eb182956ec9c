using System.Diagnostics.CodeAnalysis;
using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>What a verification mail carries: <c>evf1.{tenant id}.{verification id}.{secret}</c>.</summary>
internal sealed class EmailVerificationToken(Guid tenantId, Guid verificationId, byte[] secret) : LinkToken(tenantId, verificationId, secret)
{
    public const string Kind = "evf1";

    protected override string Version => Kind;
    public Guid VerificationId => Id;

    public static EmailVerificationToken For(Guid tenantId, Guid verificationId, MailTokenSecrets secrets) =>
        new(tenantId, verificationId, secrets.Secret(Kind, tenantId, verificationId));

    public static bool TryParse(string text, [NotNullWhen(true)] out EmailVerificationToken? token)
    {
        token = TryRead(text, Kind, out var tenantId, out var verificationId, out var secret) ? new(tenantId, verificationId, secret) : null;
        return token is not null;
    }
}
