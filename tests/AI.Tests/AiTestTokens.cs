using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.SharedKernel.Security;

namespace Platform.AI.Tests;

/// <summary>
/// Mints access tokens exactly as the host validates them (claims sub, tid, role, tv; HS256 with Jwt:SigningKey;
/// the configured issuer and audience), standing in for the Users module until it is merged.
/// </summary>
internal static class AiTestTokens
{
    public static string Mint(IConfiguration configuration, Guid tenantId, TenantRole role, Guid? userId = null)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Expires = DateTime.UtcNow.AddMinutes(15),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(PlatformClaims.UserId, (userId ?? Guid.NewGuid()).ToString()),
                new Claim(PlatformClaims.TenantId, tenantId.ToString()),
                new Claim(PlatformClaims.Role, role.ToString()),
                new Claim(PlatformClaims.TokenVersion, "1", ClaimValueTypes.Integer32),
            ]),
        });
    }
}
