namespace Platform.Users.Tokens;

/// <summary>What a successful sign-in or refresh answers.</summary>
internal sealed record TokenPair(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt)
{
    public string TokenType => "Bearer";
}
