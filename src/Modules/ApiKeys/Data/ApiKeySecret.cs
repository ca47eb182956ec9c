using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Platform.ApiKeys.Contracts;

namespace Platform.ApiKeys.Data;

/// <summary>
/// What an integrator holds: <c>plk_{key id, 32 hex digits}_{base64url of 32 random bytes}</c>. The id only says which
/// row to look at; the secret proves it, and only its SHA-256 is stored (enough for a secret of this entropy).
/// </summary>
internal sealed class ApiKeySecret
{
    private const int SecretBytes = 32;
    private static readonly int IdEnd = ApiKeyFormat.Prefix.Length + 32;

    private readonly byte[] secret;

    private ApiKeySecret(Guid keyId, byte[] secret)
    {
        KeyId = keyId;
        this.secret = secret;
    }

    public Guid KeyId { get; }

    public byte[] Hash => SHA256.HashData(secret);

    public static ApiKeySecret New(Guid keyId) => new(keyId, RandomNumberGenerator.GetBytes(SecretBytes));

    public static bool TryParse(string text, [NotNullWhen(true)] out ApiKeySecret? key)
    {
        key = null;
        if (!text.StartsWith(ApiKeyFormat.Prefix, StringComparison.Ordinal) || text.Length <= IdEnd + 1 || text[IdEnd] != '_' ||
            !Guid.TryParseExact(text.AsSpan(ApiKeyFormat.Prefix.Length, 32), "N", out var keyId))
        {
            return false;
        }
        var encoded = text.AsSpan(IdEnd + 1);
        if (!Base64Url.IsValid(encoded, out var length) || length != SecretBytes)
        {
            return false;
        }
        key = new ApiKeySecret(keyId, Base64Url.DecodeFromChars(encoded));
        return true;
    }

    /// <summary>Whether this secret hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash, storedHash);

    /// <summary>The text handed out once, at creation; never logged or stored.</summary>
    public string Encode() => $"{ApiKeyFormat.Prefix}{KeyId:N}_{Base64Url.EncodeToString(secret)}";
}
