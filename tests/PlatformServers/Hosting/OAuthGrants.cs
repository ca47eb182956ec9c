using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Platform.PlatformServers.Hosting;

/// <summary>An authorization code a user granted, waiting to be exchanged once.</summary>
public sealed record CodeGrant(string Code, string AccountId, string RedirectUri, IReadOnlyList<string> Scopes, string? CodeChallenge);

/// <summary>An access token as the platform issued it, with its refresh token, scopes and expiry.</summary>
public sealed record IssuedToken(string AccessToken, string RefreshToken, string AccountId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt)
{
    public bool Revoked { get; set; }
}

public enum TokenProblem
{
    None,
    Missing,
    Unknown,
    Expired,
    Revoked,
}

/// <summary>
/// The OAuth state of one platform server: codes, access and refresh tokens with scopes and expiry, refreshes and
/// revocations, so tests can ask which tokens exist and whether a refresh happened.
/// </summary>
public sealed class OAuthGrants(string clientId, string clientSecret, FaultPlan faults)
{
    private readonly ConcurrentDictionary<string, CodeGrant> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> byAccess = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> byRefresh = new(StringComparer.Ordinal);
    private int refreshes;

    public string ClientId { get; } = clientId;
    public string ClientSecret { get; } = clientSecret;

    /// <summary>Lifetime of access tokens issued from now on; short values make our side refresh before use.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether refresh tokens are rotated (the old one stops working) on refresh.</summary>
    public bool RotateRefreshTokens { get; set; } = true;

    public int Refreshes => Volatile.Read(ref refreshes);

    public IReadOnlyList<IssuedToken> Tokens => [.. byAccess.Values];

    public string IssueCode(string accountId, string redirectUri, IReadOnlyList<string> scopes, string? codeChallenge = null)
    {
        var code = "code-" + Random(12);
        codes[code] = new CodeGrant(code, accountId, redirectUri, scopes, codeChallenge);
        return code;
    }

    /// <summary>Single use: a second exchange of the same code finds nothing.</summary>
    public CodeGrant? RedeemCode(string? code) => code is not null && codes.TryRemove(code, out var grant) ? grant : null;

    /// <param name="lifetime">This token's lifetime when it differs from <see cref="AccessTokenLifetime"/> (tokens that do not expire).</param>
    public IssuedToken Issue(string accountId, IReadOnlyList<string> scopes, string? keptRefreshToken = null, TimeSpan? lifetime = null)
    {
        var token = new IssuedToken("at-" + Random(16), keptRefreshToken ?? "rt-" + Random(16), accountId, scopes, DateTimeOffset.UtcNow + (lifetime ?? AccessTokenLifetime));
        byAccess[token.AccessToken] = token;
        byRefresh[token.RefreshToken] = token;
        return token;
    }

    /// <returns>The new token, or null when the refresh token is unknown, rotated away or revoked.</returns>
    public IssuedToken? Refresh(string? refreshToken)
    {
        if (refreshToken is null || faults.TokensInvalidated || !byRefresh.TryGetValue(refreshToken, out var old) || old.Revoked)
        {
            return null;
        }
        if (RotateRefreshTokens)
        {
            byRefresh.TryRemove(refreshToken, out _);
        }
        Interlocked.Increment(ref refreshes);
        return Issue(old.AccountId, old.Scopes, RotateRefreshTokens ? null : refreshToken);
    }

    public bool Revoke(string token)
    {
        var found = byAccess.TryGetValue(token, out var issued) || byRefresh.TryGetValue(token, out issued);
        if (found)
        {
            issued!.Revoked = true;
        }
        return found;
    }

    public (TokenProblem Problem, IssuedToken? Token) Check(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return (TokenProblem.Missing, null);
        }
        if (!byAccess.TryGetValue(accessToken, out var token))
        {
            return (TokenProblem.Unknown, null);
        }
        if (token.Revoked || faults.TokensInvalidated)
        {
            return (TokenProblem.Revoked, token);
        }
        return token.ExpiresAt <= DateTimeOffset.UtcNow ? (TokenProblem.Expired, token) : (TokenProblem.None, token);
    }

    public bool ClientMatches(string? id, string? secret) => id == ClientId && secret == ClientSecret;

    private static string Random(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
}
