using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Platform.SocialAccounts.Security;

/// <summary>
/// AES-256-GCM for platform tokens. Format <c>v1.{keyId}.{base64url(nonce|ciphertext|tag)}</c>: the key id travels
/// with each ciphertext so keys can rotate while old ciphertexts still decrypt. The account id is bound as
/// associated data, so a ciphertext copied onto another account fails like a tampered one.
/// </summary>
internal sealed class TokenCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string Version = "v1";

    private readonly Dictionary<string, byte[]> keys;

    /// <summary>Takes options already validated at start-up (<see cref="TokenEncryptionOptionsValidator"/>); there is no built-in key.</summary>
    public TokenCipher(IOptions<TokenEncryptionOptions> options)
    {
        var settings = options.Value;
        keys = settings.Keys.ToDictionary(
            k => k.Key,
            k => TokenEncryptionOptions.Decode(k.Value) ?? throw new InvalidOperationException(
                $"{TokenEncryptionOptions.KeySetting(k.Key)} must be base64 of {TokenEncryptionOptions.KeyBytes} bytes."),
            StringComparer.Ordinal);
        CurrentKeyId = settings.EffectiveCurrentKeyId;
        if (!keys.ContainsKey(CurrentKeyId))
        {
            throw new InvalidOperationException($"{TokenEncryptionOptions.Section}:CurrentKeyId names key '{CurrentKeyId}', which is not configured.");
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

    /// <summary>A subkey for another purpose (signing OAuth state), derived so one configured secret serves both.</summary>
    public byte[] DeriveKey(string keyId, string purpose) =>
        keys.TryGetValue(keyId, out var key)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose))
            : throw new TokenDecryptionException($"Key '{keyId}' is not configured.");

    private static byte[] Aad(string keyId, Guid accountId) => Encoding.UTF8.GetBytes($"{keyId}:{accountId:N}");
}
