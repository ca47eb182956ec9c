using System.Collections.Concurrent;

namespace Platform.SocialAccounts.Security;

/// <summary>When no Redis is configured (single instance): the same contract in process.</summary>
internal sealed class MemoryOneTimeStore(TimeProvider clock) : IOneTimeStore
{
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Expires)> values = new(StringComparer.Ordinal);

    public Task PutAsync(string key, string value, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in values.Where(e => e.Value.Expires < now).Select(e => e.Key).ToList())
        {
            values.TryRemove(stale, out _);
        }
        values[key] = (value, now + lifetime);
        return Task.CompletedTask;
    }

    public Task<string?> TakeAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(values.TryRemove(key, out var entry) && entry.Expires >= clock.GetUtcNow() ? entry.Value : null);
}
