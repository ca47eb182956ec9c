using System.Collections.Concurrent;

namespace Platform.PlatformServers.Hosting;

/// <summary>
/// How many followers (subscribers, fans) each account has on a platform, by the id the platform gives the account, as a
/// test sets them; an account never set has none. The servers answer these figures from their documented account
/// endpoints.
/// </summary>
public sealed class FollowerCounts
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);

    public FollowerCounts Set(string accountId, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        counts[accountId] = count;
        return this;
    }

    public long Get(string accountId) => counts.GetValueOrDefault(accountId);
}
