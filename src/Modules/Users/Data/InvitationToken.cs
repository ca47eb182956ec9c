using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Platform.Users.Data;

/// <summary>
/// What an invitee holds: <c>inv1.{tenant id}.{invitation id}.{base64url of 32 random bytes}</c>. The ids only say
/// where to look (under that tenant's row-level security); the secret is what proves it, and only its SHA-256 is stored.
/// </summary>
internal sealed class InvitationToken
{
    private const string Version = "inv1";
    private const int SecretBytes = 32;

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

    public static InvitationToken New(Guid tenantId, Guid invitationId) => new(tenantId, invitationId, RandomNumberGenerator.GetBytes(SecretBytes));

    public static bool TryParse(string text, [NotNullWhen(true)] out InvitationToken? token)
    {
        token = null;
        var parts = text.Split('.');
        if (parts is not [Version, var tenant, var invitation, var encodedSecret] ||
            !Guid.TryParseExact(tenant, "N", out var tenantId) || !Guid.TryParseExact(invitation, "N", out var invitationId))
        {
            return false;
        }
        if (!Base64Url.IsValid(encodedSecret, out var length) || length != SecretBytes)
        {
            return false;
        }
        token = new InvitationToken(tenantId, invitationId, Base64Url.DecodeFromChars(encodedSecret));
        return true;
    }

    /// <summary>The text handed to the invitee once; never logged or stored.</summary>
    public string Encode() => $"{Version}.{TenantId:N}.{InvitationId:N}.{Base64Url.EncodeToString(secret)}";
}
