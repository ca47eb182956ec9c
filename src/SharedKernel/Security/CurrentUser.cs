using System.Security.Claims;

namespace Platform.SharedKernel.Security;

/// <summary>Reads the authenticated caller from the access token's claims.</summary>
public static class CurrentUser
{
    public static Guid? UserId(this ClaimsPrincipal principal) => ParseGuid(principal.FindFirstValue(PlatformClaims.UserId));

    public static Guid? TenantId(this ClaimsPrincipal principal) => ParseGuid(principal.FindFirstValue(PlatformClaims.TenantId));

    public static TenantRole? Role(this ClaimsPrincipal principal) =>
        Enum.TryParse<TenantRole>(principal.FindFirstValue(PlatformClaims.Role), ignoreCase: true, out var role) ? role : null;

    /// <summary>The API key the caller authenticated with; null for a person's access token.</summary>
    public static Guid? ApiKeyId(this ClaimsPrincipal principal) => ParseGuid(principal.FindFirstValue(PlatformClaims.ApiKeyId));

    public static bool HasScope(this ClaimsPrincipal principal, ApiScope scope) => principal.HasClaim(PlatformClaims.Scope, scope.Name());

    public static Guid RequiredUserId(this ClaimsPrincipal principal) =>
        principal.UserId() ?? throw new InvalidOperationException("The caller is not authenticated.");

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
