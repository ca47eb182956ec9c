using System.Collections.Concurrent;
using Npgsql;
using Platform.Users.Contracts;

namespace Platform.Users.Tokens;

/// <summary>
/// Checks a token's version against the user's current one. Versions are cached per host and dropped the
/// moment any host changes them (PostgreSQL notifies <c>user_tokens</c> at commit, and the changing host
/// drops its own entry at once), so a revoked token stops working without a database round trip per request.
/// </summary>
internal sealed class AccessTokenGate(NpgsqlDataSource dataSource, TimeProvider clock) : IAccessTokenGate
{
    public const string Channel = "user_tokens";

    // A safety net should a notification be lost between reconnects.
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (Guid TenantId, int? Version, DateTimeOffset CachedAt)> versions = new();

    public async ValueTask<bool> IsCurrentAsync(Guid userId, Guid tenantId, int tokenVersion, CancellationToken cancellationToken) =>
        await VersionAsync(userId, tenantId, cancellationToken) == tokenVersion;

    public async ValueTask<bool> IsActiveAsync(Guid userId, Guid tenantId, CancellationToken cancellationToken) =>
        await VersionAsync(userId, tenantId, cancellationToken) is not null;

    /// <summary>The user's token version; null when the user is inactive or not of the tenant.</summary>
    private async ValueTask<int?> VersionAsync(Guid userId, Guid tenantId, CancellationToken cancellationToken)
    {
        if (!versions.TryGetValue(userId, out var known) || known.TenantId != tenantId || clock.GetUtcNow() - known.CachedAt > MaxAge)
        {
            known = (tenantId, await LoadAsync(userId, tenantId, cancellationToken), clock.GetUtcNow());
            versions[userId] = known;
        }
        return known.Version;
    }

    public void Forget(Guid userId) => versions.TryRemove(userId, out _);

    public void ForgetAll() => versions.Clear();

    private async Task<int?> LoadAsync(Guid userId, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT users.token_state($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await command.ExecuteScalarAsync(cancellationToken) as int?;
    }
}
