namespace Platform.SharedKernel.Security;

/// <summary>Claim types the access token carries.</summary>
public static class PlatformClaims
{
    public const string UserId = "sub";
    public const string TenantId = "tid";
    public const string Role = "role";
    public const string TokenVersion = "tv";
    public const string PlatformAdmin = "padm";
}
