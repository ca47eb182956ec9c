using Platform.ApiKeys.Data;
using Platform.SharedKernel.Security;

namespace Platform.ApiKeys.Features.Shared;

/// <summary>A key as listed: everything but its secret, which is never shown again.</summary>
internal sealed record ApiKeyView(
    Guid Id, string Name, IReadOnlyList<ApiScope> Scopes, ApiKeyState State, Guid CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, string? LastUsedFrom, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView From(ApiKey key, DateTimeOffset now) => new(
        key.Id, key.Name, key.Scopes, key.StateAt(now), key.CreatedBy, key.CreatedAt, key.ExpiresAt, key.LastUsedAt,
        key.LastUsedFrom?.ToString(), key.RevokedAt);
}
