using Platform.SharedKernel.Security;

namespace Platform.ApiKeys.Features.CreateApiKey;

/// <summary>A new key: <paramref name="Key"/> is shown this once and never again (only its hash is kept).</summary>
internal sealed record CreatedApiKey(Guid Id, string Name, IReadOnlyList<ApiScope> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Key);
