using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.SharedKernel.Security;

namespace Platform.TestKit;

/// <summary>
/// Mints access tokens exactly as the host validates them (HS256 with <c>Jwt:SigningKey</c>, its issuer and audience,
/// claims sub, tid, role, tv), for tests that act as a user who was never registered (with a gate that honours them).
/// </summary>
public static class TestTokens
{
    public static string Mint(IConfiguration configuration, Guid userId, Guid tenantId, TenantRole role, int tokenVersion = 1, TimeSpan? lifetime = null)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        return Mint(jwt, jwt.SigningKey, userId, tenantId, role, tokenVersion, lifetime ?? TimeSpan.FromMinutes(jwt.AccessTokenMinutes));
    }

    /// <summary>The same token signed with <paramref name="signingKey"/>, e.g. one an attacker chose.</summary>
    public static string Mint(JwtOptions jwt, string signingKey, Guid userId, Guid tenantId, TenantRole role, int tokenVersion, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime),
            Claims = new Dictionary<string, object>
            {
                [PlatformClaims.UserId] = userId.ToString(),
                [PlatformClaims.TenantId] = tenantId.ToString(),
                [PlatformClaims.Role] = role.ToString(),
                [PlatformClaims.TokenVersion] = tokenVersion,
            },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
