using Platform.SharedKernel.Security;

namespace Platform.ApiKeys.Authentication;

/// <summary>What the sign-in lookup returns for a key that is not revoked: enough to check a presented secret and act with it.</summary>
internal sealed record StoredKey(Guid TenantId, byte[] SecretHash, IReadOnlySet<ApiScope> Scopes, Guid CreatedBy, DateTimeOffset? ExpiresAt);
