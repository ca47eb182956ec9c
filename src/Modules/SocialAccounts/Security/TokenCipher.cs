using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Platform.SocialAccounts.Security;

/// <summary>Thrown when a stored token cannot be decrypted: tampered, truncated or under an unknown key.</summary>
internal sealed class TokenDecryptionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// AES-256-GCM for platform tokens. Format <c>v1.{keyId}.{base64url(nonce|ciphertext|tag)}</c>: the key id travels
/// with each ciphertext so keys can rotate while old ciphertexts still decrypt. The account id is bound as
/// associated data, so a ciphertext copied onto another account fails like a tampered one.
/// </summary>
internal sealed class TokenCipher
{
    public const string Section = "SocialAccounts:Encryption";
    /// <summary>Only so the app runs out of the box; configuration replaces it everywhere else.</summary>
    internal const string DevelopmentKeyId = "dev";
    internal const string DevelopmentKey = "ZGV2LW9ubHktc29jaWFsLWFjY291bnRzLWtleS0wMDE="; // "dev-only-social-accounts-key-001"
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string Version = "v1";

    private readonly Dictionary<string, byte[]> keys;

    public TokenCipher(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        keys = section.GetSection("Keys").GetChildren()
            .ToDictionary(k => k.Key, k => DecodeKey(k.Key, k.Value), StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            keys[DevelopmentKeyId] = Convert.FromBase64String(DevelopmentKey);
        }
        CurrentKeyId = section["CurrentKeyId"] is { Length: > 0 } current ? current : keys.Keys.Order(StringComparer.Ordinal).Last();
        if (!keys.ContainsKey(CurrentKeyId))
        {
            throw new InvalidOperationException($"{Section}:CurrentKeyId names key '{CurrentKeyId}', which is not configured.");
        }
    }

    public string CurrentKeyId { get; }

    public string Encrypt(string plaintext, Guid accountId)
    {
        var key = keys[CurrentKeyId];
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Aad(CurrentKeyId, accountId));
        return $"{Version}.{CurrentKeyId}.{Base64Url.EncodeToString(output)}";
    }

    public string Decrypt(string ciphertext, Guid accountId)
    {
        var parts = ciphertext.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new TokenDecryptionException("The stored token is not in a known format.");
        }
        if (!keys.TryGetValue(parts[1], out var key))
        {
            throw new TokenDecryptionException($"The stored token is under key '{parts[1]}', which is not configured.");
        }
        byte[] raw;
        try
        {
            raw = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException exception)
        {
            throw new TokenDecryptionException("The stored token is not valid base64url.", exception);
        }
        if (raw.Length < NonceSize + TagSize)
        {
            throw new TokenDecryptionException("The stored token is truncated.");
        }
        var length = raw.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(raw.AsSpan(0, NonceSize), raw.AsSpan(NonceSize, length), raw.AsSpan(NonceSize + length), plaintext, Aad(parts[1], accountId));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new TokenDecryptionException("The stored token failed its integrity check.", exception);
        }
        return Encoding.UTF8.GetString(plaintext);
    }

    public static string KeyIdOf(string ciphertext) => ciphertext.Split('.') is [_, var keyId, _] ? keyId : "";

    /// <summary>A subkey for another purpose (signing OAuth state), derived so one configured secret serves both.</summary>
    public byte[] DeriveKey(string keyId, string purpose) =>
        keys.TryGetValue(keyId, out var key)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose))
            : throw new TokenDecryptionException($"Key '{keyId}' is not configured.");

    private static byte[] Aad(string keyId, Guid accountId) => Encoding.UTF8.GetBytes($"{keyId}:{accountId:N}");

    private static byte[] DecodeKey(string id, string? value)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value ?? "");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{Section}:Keys:{id} is not base64.");
        }
        return key.Length == 32 ? key : throw new InvalidOperationException($"{Section}:Keys:{id} must be 32 bytes (AES-256).");
    }
}
