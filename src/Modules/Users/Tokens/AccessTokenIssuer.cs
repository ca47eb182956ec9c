using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.SharedKernel.Security;
using Platform.Users.Data;

namespace Platform.Users.Tokens;

/// <summary>Signs short-lived access tokens carrying user, tenant, role and token version.</summary>
internal sealed class AccessTokenIssuer(IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public (string Token, DateTimeOffset ExpiresAt) Issue(User user)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(jwt.AccessTokenMinutes);
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.UserId] = user.Id.ToString(),
            [PlatformClaims.TenantId] = user.TenantId.ToString(),
            [PlatformClaims.Role] = user.Role.ToString().ToLowerInvariant(),
            [PlatformClaims.TokenVersion] = user.TokenVersion,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (user.IsPlatformAdmin)
        {
            claims[PlatformClaims.PlatformAdmin] = "true";
        }
        return (Sign(jwt, jwt.Audience, claims, now, expires), expires);
    }

    private string Sign(JwtOptions jwt, string audience, IDictionary<string, object> claims, DateTimeOffset now, DateTimeOffset expires) =>
        handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(Key(jwt), SecurityAlgorithms.HmacSha256),
        });

    private static SymmetricSecurityKey Key(JwtOptions jwt) => new(Encoding.UTF8.GetBytes(jwt.SigningKey));
}
