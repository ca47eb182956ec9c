using System.Diagnostics.CodeAnalysis;
using Platform.Users.Tokens;

namespace Platform.Users.Data;

/// <summary>What an invitee holds: <c>inv1.{tenant id}.{invitation id}.{secret}</c>.</summary>
internal sealed class InvitationToken(Guid tenantId, Guid invitationId, byte[] secret) : LinkToken(tenantId, invitationId, secret)
{
    public const string Kind = "inv1";

    protected override string Version => Kind;
    public Guid InvitationId => Id;

    /// <summary>The invitation's token, derived from the server's key so that its mail can be written later without storing it.</summary>
    public static InvitationToken For(Guid tenantId, Guid invitationId, MailTokenSecrets secrets) =>
        new(tenantId, invitationId, secrets.Secret(Kind, tenantId, invitationId));

    public static bool TryParse(string text, [NotNullWhen(true)] out InvitationToken? token)
    {
        token = TryRead(text, Kind, out var tenantId, out var invitationId, out var secret) ? new(tenantId, invitationId, secret) : null;
        return token is not null;
    }
}
