namespace Platform.SocialAccounts.Security;

/// <summary>The AES-256-GCM keys for platform tokens. Section <c>SocialAccounts:Encryption</c>.</summary>
internal sealed class TokenEncryptionOptions
{
    public const string Section = "SocialAccounts:Encryption";
    public const int KeyBytes = 32;

    /// <summary>Key id to base64 of 32 bytes; old keys stay until <c>reencrypt-tokens</c> has moved every token off them.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key new tokens are encrypted with; empty means the last key id in ordinal order.</summary>
    public string? CurrentKeyId { get; set; }

    public string EffectiveCurrentKeyId =>
        CurrentKeyId is { Length: > 0 } current ? current : Keys.Keys.Order(StringComparer.Ordinal).LastOrDefault() ?? "";

    public static string KeySetting(string id) => $"{Section}:Keys:{id}";

    /// <returns>The key's bytes, or null when the value is not base64 of exactly <see cref="KeyBytes"/> bytes.</returns>
    public static byte[]? Decode(string? value)
    {
        var buffer = new byte[KeyBytes + 3];
        return Convert.TryFromBase64String(value ?? "", buffer, out var written) && written == KeyBytes ? buffer[..KeyBytes] : null;
    }
}
