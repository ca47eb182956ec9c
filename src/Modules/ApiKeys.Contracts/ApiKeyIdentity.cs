using Platform.SharedKernel.Security;

namespace Platform.ApiKeys.Contracts;

/// <summary>A valid key: it acts in <paramref name="TenantId"/> for the user who created it, within its scopes.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, Guid TenantId, Guid CreatedBy, IReadOnlySet<ApiScope> Scopes);
