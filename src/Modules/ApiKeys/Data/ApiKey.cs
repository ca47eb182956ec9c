using System.Net;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.ApiKeys.Data;

/// <summary>A tenant's key for integrators: named, scoped, optionally expiring, revocable; stored by the hash of its secret.</summary>
internal sealed class ApiKey
{
    public const int MaxNameLength = 100;

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public required string Name { get; init; }
    public required ApiScope[] Scopes { get; init; }
    public required byte[] SecretHash { get; init; }
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public IPAddress? LastUsedFrom { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedBy { get; private set; }

    /// <returns>The key to store and its secret, to hand out this once.</returns>
    public static (ApiKey Key, ApiKeySecret Secret) Create(
        Guid tenantId, string name, IEnumerable<ApiScope> scopes, DateTimeOffset? expiresAt, Guid createdBy, DateTimeOffset now)
    {
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw ProblemException.BadRequest($"A key's name must have 1 to {MaxNameLength} characters.");
        }
        var distinct = scopes.Distinct().Order().ToArray();
        if (distinct.Length == 0)
        {
            throw ProblemException.BadRequest("A key needs at least one scope.");
        }
        if (expiresAt <= now)
        {
            throw ProblemException.BadRequest("A key's expiry must be in the future.");
        }
        var id = Guid.CreateVersion7(now);
        var secret = ApiKeySecret.New(id);
        var key = new ApiKey
        {
            Id = id,
            TenantId = tenantId,
            Name = trimmed,
            Scopes = distinct,
            SecretHash = secret.Hash,
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (key, secret);
    }

    public ApiKeyState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiKeyState.Revoked
        : now >= ExpiresAt ? ApiKeyState.Expired
        : ApiKeyState.Active;

    /// <summary>Stops the key for good; revoking twice keeps the first revocation.</summary>
    public void Revoke(Guid revokedBy, DateTimeOffset now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedBy = revokedBy;
        }
    }
}
