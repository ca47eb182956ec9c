using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.ApiKeys.Contracts;
using Platform.ApiKeys.Data;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;

namespace Platform.ApiKeys.Authentication;

/// <summary>
/// Checks a presented key before any tenant is known: the row is found by the key's id through the narrow
/// <c>api_keys.key_for_authentication</c> function (the app role never sees other tenants' rows), the secret is compared in
/// constant time with the stored hash, and the answer (found or not) is kept for <see cref="ApiKeysOptions.ValidationCacheDuration"/>
/// so a busy integrator costs no query per request. Last use is written under the key's tenant at most once per
/// <see cref="ApiKeysOptions.LastUsedInterval"/>.
/// </summary>
internal sealed partial class ApiKeyAuthenticator(
    NpgsqlDataSource dataSource, IServiceScopeFactory scopes, IOptions<ApiKeysOptions> options, TimeProvider clock,
    ILogger<ApiKeyAuthenticator> logger) : IApiKeyAuthenticator, IDisposable
{
    private const int Capacity = 20_000;

    private readonly MemoryCache lookups = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> lastRecordedUse = new();

    public async ValueTask<ApiKeyIdentity?> AuthenticateAsync(string presentedKey, IPAddress? client, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.TryParse(presentedKey, out var secret))
        {
            return null;
        }
        var stored = await FindAsync(secret.KeyId, cancellationToken);
        var now = clock.GetUtcNow();
        if (stored is null || !secret.Matches(stored.SecretHash) || now >= stored.ExpiresAt)
        {
            return null;
        }
        await RecordUseAsync(secret.KeyId, stored.TenantId, client, now, cancellationToken);
        return new ApiKeyIdentity(secret.KeyId, stored.TenantId, stored.CreatedBy, stored.Scopes);
    }

    /// <summary>Drops what this host knows of a key, so its revocation bites here at once.</summary>
    public void Forget(Guid keyId) => lookups.Remove(keyId);

    private async ValueTask<StoredKey?> FindAsync(Guid keyId, CancellationToken cancellationToken)
    {
        if (lookups.TryGetValue(keyId, out StoredKey? known))
        {
            return known;
        }
        var stored = await LoadAsync(keyId, cancellationToken);
        var duration = options.Value.ValidationCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            lookups.Set(keyId, stored, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = duration });
        }
        return stored;
    }

    private async Task<StoredKey?> LoadAsync(Guid keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT tenant_id, secret_hash, scopes, created_by, expires_at FROM api_keys.key_for_authentication($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var scopes = reader.GetFieldValue<string[]>(2)
            .Select(name => ApiScopeNames.TryParse(name, out var scope) ? scope : (ApiScope?)null)
            .OfType<ApiScope>()
            .ToHashSet();
        return new StoredKey(
            reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), scopes, reader.GetGuid(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }

    private async Task RecordUseAsync(Guid keyId, Guid tenantId, IPAddress? client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var interval = options.Value.LastUsedInterval;
        var previous = lastRecordedUse.GetValueOrDefault(keyId);
        // One request per interval wins the right to write; the others go on at once.
        if (now - previous < interval || !lastRecordedUse.TryUpdate(keyId, now, previous) && !lastRecordedUse.TryAdd(keyId, now))
        {
            return;
        }
        var writtenBefore = now - interval;
        try
        {
            // Under the key's tenant, like any other write; the condition keeps hosts from writing the same minute twice.
            await scopes.RunAsync(tenantId, provider => provider.GetRequiredService<ApiKeysDbContext>().Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE api_keys.keys SET last_used_at = {now}, last_used_from = {client}
                WHERE id = {keyId} AND (last_used_at IS NULL OR last_used_at < {writtenBefore})
                """, cancellationToken), cancellationToken);
        }
        catch (Exception failure) when (failure is NpgsqlException or DatabaseBusyException && !cancellationToken.IsCancellationRequested)
        {
            // Last use is informative; the request itself must not fail for it.
            LogLastUseNotRecorded(keyId, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The last use of API key {KeyId} could not be recorded.")]
    private partial void LogLastUseNotRecorded(Guid keyId, Exception failure);

    public void Dispose() => lookups.Dispose();
}
