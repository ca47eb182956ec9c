using Platform.SharedKernel.Security;
using Platform.Users.Data;

namespace Platform.Users.Features;

// Stays in Platform.Users.Features: the OpenAPI schema id is the full type name, and the web client is generated from it.
internal sealed record UserResponse(
    Guid Id, Guid TenantId, string Email, string? DisplayName, TenantRole Role, bool IsActive, bool MfaEnabled,
    bool IsPlatformAdmin, DateTimeOffset? LastLoginAt, DateTimeOffset CreatedAt, bool EmailVerified, DateTimeOffset? EmailVerifiedAt)
{
    public static UserResponse From(User user) => new(
        user.Id, user.TenantId, user.Email, user.DisplayName, user.Role, user.IsActive, user.MfaEnabled,
        user.IsPlatformAdmin, user.LastLoginAt, user.CreatedAt, user.IsEmailVerified, user.EmailVerifiedAt);
}
