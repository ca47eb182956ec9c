using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.SharedKernel.Security;
using Platform.Users.Data;

namespace Platform.Users.Tokens;

/// <summary>Issues an access token and a refresh token; refresh tokens are random, stored only as SHA-256 hashes.</summary>
internal sealed class SessionIssuer(UsersDbContext db, AccessTokenIssuer accessTokens, IOptions<JwtOptions> options, TimeProvider clock)
{
    public Task<TokenPair> StartAsync(User user, CancellationToken cancellationToken) =>
        IssueAsync(user, familyId: Guid.NewGuid(), cancellationToken);

    /// <summary>Replaces <paramref name="current"/> by a new token of the same family.</summary>
    public async Task<TokenPair> RotateAsync(User user, RefreshToken current, CancellationToken cancellationToken)
    {
        var pair = await IssueAsync(user, current.FamilyId, cancellationToken, replaced: current);
        return pair;
    }

    public static byte[] HashOf(string refreshToken) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken));

    private async Task<TokenPair> IssueAsync(User user, Guid familyId, CancellationToken cancellationToken, RefreshToken? replaced = null)
    {
        var now = clock.GetUtcNow();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var refresh = new RefreshToken
        {
            Id = Guid.NewGuid(),
            TenantId = user.TenantId,
            UserId = user.Id,
            FamilyId = familyId,
            TokenHash = HashOf(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.RefreshTokenDays),
        };
        db.RefreshTokens.Add(refresh);
        if (replaced is not null)
        {
            replaced.ReplacedBy = refresh.Id;
            replaced.Revoke(now, "rotated");
        }
        await db.SaveChangesAsync(cancellationToken);
        var (access, accessExpires) = accessTokens.Issue(user);
        return new TokenPair(access, accessExpires, secret, refresh.ExpiresAt);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
