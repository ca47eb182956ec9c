using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Platform.Users.Data;

/// <summary>
/// A token handed out in a link: <c>{version}.{tenant id}.{row id}.{base64url of 32 bytes}</c>. The ids only say where to
/// look (under that tenant's row-level security); the secret is what proves it, and only its SHA-256 is stored.
/// </summary>
internal abstract class LinkToken(Guid tenantId, Guid id, byte[] secret)
{
    public const int SecretBytes = 32;

    public Guid TenantId { get; } = tenantId;
    protected Guid Id { get; } = id;
    protected abstract string Version { get; }

    public byte[] SecretHash => SHA256.HashData(secret);

    /// <summary>Whether this token is the one of the row with <paramref name="rowId"/>, compared in constant time.</summary>
    public bool Proves(Guid rowTenantId, Guid rowId, byte[] storedHash) =>
        Id == rowId && TenantId == rowTenantId && CryptographicOperations.FixedTimeEquals(SecretHash, storedHash);

    /// <summary>The text put in the link; never logged or stored.</summary>
    public string Encode() => $"{Version}.{TenantId:N}.{Id:N}.{Base64Url.EncodeToString(secret)}";

    protected static bool TryRead(string text, string version, out Guid tenantId, out Guid id, [NotNullWhen(true)] out byte[]? secret)
    {
        (tenantId, id, secret) = (Guid.Empty, Guid.Empty, null);
        var parts = text.Split('.');
        if (parts.Length != 4 || parts[0] != version ||
            !Guid.TryParseExact(parts[1], "N", out tenantId) || !Guid.TryParseExact(parts[2], "N", out id) ||
            !Base64Url.IsValid(parts[3], out var length) || length != SecretBytes)
        {
            return false;
        }
        secret = Base64Url.DecodeFromChars(parts[3]);
        return true;
    }
}
