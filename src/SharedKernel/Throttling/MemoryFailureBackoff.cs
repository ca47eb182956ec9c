using System.Collections.Concurrent;

namespace Platform.SharedKernel.Throttling;

/// <summary>Per-process failure counts and waits, for a single instance without Redis.</summary>
public sealed class MemoryFailureBackoff(TimeProvider clock) : IFailureBackoff
{
    private const int SweepEvery = 4096;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private int recorded;

    public ValueTask<TimeSpan> WaitAsync(string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ValueTask.FromResult(entries.TryGetValue(key, out var entry) && entry.WaitUntil > now ? entry.WaitUntil - now : TimeSpan.Zero);
    }

    public ValueTask<TimeSpan> RecordFailureAsync(string key, BackoffRule rule, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entry = entries.AddOrUpdate(
            key,
            _ => Next(failures: 1, waitUntil: now),
            (_, current) => current.ForgetAt > now ? Next(current.Failures + 1, current.WaitUntil) : Next(failures: 1, waitUntil: now));
        SweepNow(now);
        return ValueTask.FromResult(entry.WaitUntil > now ? entry.WaitUntil - now : TimeSpan.Zero);

        Entry Next(long failures, DateTimeOffset waitUntil)
        {
            var wait = now + rule.DelayAfter(failures);
            return new Entry(failures, wait > waitUntil ? wait : waitUntil, now + rule.ForgetAfter);
        }
    }

    public ValueTask ResetAsync(string key, CancellationToken cancellationToken)
    {
        entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    // Keys that stopped failing would pile up: drop the forgotten ones now and then.
    private void SweepNow(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref recorded) % SweepEvery != 0)
        {
            return;
        }
        foreach (var (key, entry) in entries)
        {
            if (entry.ForgetAt <= now && entry.WaitUntil <= now)
            {
                entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(long Failures, DateTimeOffset WaitUntil, DateTimeOffset ForgetAt);
}
