using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>What an invitee holds: <c>inv1.{tenant id}.{invitation id}.{secret}</c> (<see cref="LinkTokenText"/>).</summary>
internal sealed class InvitationToken
{
    public const string Version = "inv1";

    private InvitationToken(Guid tenantId, Guid invitationId, byte[] secret)
    {
        TenantId = tenantId;
        InvitationId = invitationId;
        this.secret = secret;
    }

    private readonly byte[] secret;

    public Guid TenantId { get; }
    public Guid InvitationId { get; }

    public byte[] SecretHash => SHA256.HashData(secret);

    /// <summary>The invitation's token, derived from the server's key so that its mail can be written later without storing it.</summary>
    public static InvitationToken For(Guid tenantId, Guid invitationId, MailTokenSecrets secrets) =>
        new(tenantId, invitationId, secrets.Secret(Version, tenantId, invitationId));

    public static bool TryParse(string text, [NotNullWhen(true)] out InvitationToken? token)
    {
        token = LinkTokenText.TryParse(text, Version, out var tenantId, out var invitationId, out var secret)
            ? new InvitationToken(tenantId, invitationId, secret)
            : null;
        return token is not null;
    }

    /// <summary>The text handed to the invitee; never logged or stored.</summary>
    public string Encode() => LinkTokenText.Format(Version, TenantId, InvitationId, secret);
}
