namespace Platform.SharedKernel.Security;

/// <summary>Claim types the access token carries.</summary>
public static class PlatformClaims
{
    public const string UserId = "sub";
    public const string TenantId = "tid";
    public const string Role = "role";
    public const string TokenVersion = "tv";
    public const string PlatformAdmin = "padm";
    /// <summary>The API key a request authenticated with (absent for user tokens).</summary>
    public const string ApiKeyId = "akid";
    /// <summary>One claim per scope an API key holds, by its wire name.</summary>
    public const string Scope = "scope";
}
