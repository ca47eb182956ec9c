using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Security;

/// <summary>
/// OAuth <c>state</c>: a payload signed with HMAC-SHA256 (a key derived from the token encryption key), bound to
/// tenant, user, platform and redirect URI, expiring, and single-use through <see cref="IOneTimeStore"/>. The PKCE
/// verifier is derived from the same nonce, so nothing secret is stored between the two requests.
/// </summary>
internal sealed class OAuthStateService(TokenCipher cipher, IOneTimeStore nonces, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Purpose = "social-accounts/oauth-state";

    public async Task<(string State, OAuthStatePayload Payload)> IssueAsync(
        Guid tenantId, Guid userId, SocialPlatform platform, string redirectUri, Guid? accountId, CancellationToken cancellationToken)
    {
        var payload = new OAuthStatePayload(
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)), tenantId, userId, platform, redirectUri,
            clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds(), cipher.CurrentKeyId, accountId);
        var body = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        await nonces.PutAsync("state:" + payload.Nonce, "1", Lifetime, cancellationToken);
        return ($"{body}.{Sign(payload.KeyId, body)}", payload);
    }

    /// <summary>Checks the state and consumes it; a rejected state is not consumed unless it was genuine.</summary>
    public async Task<(StateRejection Rejection, OAuthStatePayload? Payload)> ConsumeAsync(
        string state, Guid tenantId, Guid userId, SocialPlatform platform, string redirectUri, CancellationToken cancellationToken)
    {
        var parts = state.Split('.');
        if (parts.Length != 2)
        {
            return (StateRejection.Malformed, null);
        }
        OAuthStatePayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<OAuthStatePayload>(Base64Url.DecodeFromChars(parts[0]));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return (StateRejection.Malformed, null);
        }
        if (payload is null)
        {
            return (StateRejection.Malformed, null);
        }
        string expected;
        try
        {
            expected = Sign(payload.KeyId, parts[0]);
        }
        catch (TokenDecryptionException)
        {
            return (StateRejection.Forged, null);
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[1])))
        {
            return (StateRejection.Forged, null);
        }
        if (clock.GetUtcNow().ToUnixTimeSeconds() > payload.ExpiresAt)
        {
            return (StateRejection.Expired, null);
        }
        if (payload.TenantId != tenantId || payload.UserId != userId || payload.Platform != platform ||
            !string.Equals(payload.RedirectUri, redirectUri, StringComparison.Ordinal))
        {
            return (StateRejection.WrongCaller, null);
        }
        return await nonces.TakeAsync("state:" + payload.Nonce, cancellationToken) is not null
            ? (StateRejection.None, payload)
            : (StateRejection.Reused, null);
    }

    public string CodeVerifier(OAuthStatePayload payload) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(cipher.DeriveKey(payload.KeyId, Purpose + "/pkce"), Encoding.UTF8.GetBytes(payload.Nonce)));

    public static string CodeChallenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private string Sign(string keyId, string body) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(cipher.DeriveKey(keyId, Purpose), Encoding.ASCII.GetBytes(body)));
}
