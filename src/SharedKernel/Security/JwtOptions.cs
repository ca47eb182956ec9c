namespace Platform.SharedKernel.Security;

/// <summary>Access-token settings shared by the issuer (Users) and the validator (host). Section <c>Jwt</c>.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    public string Issuer { get; set; } = "platform";
    public string Audience { get; set; } = "platform-api";
    /// <summary>HMAC-SHA256 key, at least 32 bytes of UTF-8; no default (<see cref="JwtOptionsValidator"/>).</summary>
    public string SigningKey { get; set; } = "";
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 30;
}
