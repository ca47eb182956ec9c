using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

namespace Platform.Users.Data;

/// <summary>
/// The text of a token handed out in a link: <c>{version}.{tenant id}.{row id}.{base64url of 32 bytes}</c>. The ids only
/// say where to look (under that tenant's row-level security); the secret is what proves it, and only its SHA-256 is stored.
/// </summary>
internal static class LinkTokenText
{
    public const int SecretBytes = 32;

    public static string Format(string version, Guid tenantId, Guid id, byte[] secret) =>
        $"{version}.{tenantId:N}.{id:N}.{Base64Url.EncodeToString(secret)}";

    public static bool TryParse(string text, string version, out Guid tenantId, out Guid id, [NotNullWhen(true)] out byte[]? secret)
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
