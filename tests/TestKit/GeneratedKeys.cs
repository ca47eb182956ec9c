using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Platform.TestKit;

/// <summary>
/// Strong random keys for a host outside Development, which refuses missing or published development keys:
/// every test host and lab host gets its own.
/// </summary>
public static class GeneratedKeys
{
    public const string EncryptionKeyId = "generated";

    private static readonly ConcurrentDictionary<string, Dictionary<string, string?>> ByDatabase = new(StringComparer.Ordinal);

    /// <summary>
    /// The keys of every host on <paramref name="database"/>: hosts sharing a database read each other's tokens and
    /// ciphertexts, as the instances of one deployment do.
    /// </summary>
    public static Dictionary<string, string?> ForDatabase(string database) => new(ByDatabase.GetOrAdd(database, _ => Settings()));

    /// <summary>Settings in configuration spelling (<c>Jwt:SigningKey</c>, ...).</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Jwt:SigningKey"] = Secret(),
        ["Webhooks:SigningKey"] = Secret(),
        [$"SocialAccounts:Encryption:Keys:{EncryptionKeyId}"] = Secret(),
        ["SocialAccounts:Encryption:CurrentKeyId"] = EncryptionKeyId,
    };

    /// <summary>The same settings as environment variables (<c>Jwt__SigningKey</c>, ...), for host processes.</summary>
    public static Dictionary<string, string> EnvironmentVariables() =>
        Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

    /// <summary>32 random bytes in base64: long enough for the HMAC keys, exactly an AES-256 key.</summary>
    public static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
