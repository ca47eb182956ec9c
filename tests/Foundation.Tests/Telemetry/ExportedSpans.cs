using System.Collections.ObjectModel;
using System.Diagnostics;

namespace Platform.Foundation.Tests.Telemetry;

/// <summary>Spans the in-memory exporter hands over, added from the exporter's thread and read from the test's.</summary>
public sealed class ExportedSpans : Collection<Activity>
{
    private readonly Lock gate = new();

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (gate)
        {
            return [.. Items];
        }
    }

    /// <summary>Waits until a span matches: background work ends its spans after the request that caused it.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> wanted, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (Snapshot().FirstOrDefault(wanted) is { } span)
            {
                return span;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No {what} in 60 s; spans were: {string.Join(", ", Snapshot().Select(s => s.DisplayName).Distinct())}");
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (gate)
        {
            base.InsertItem(index, item);
        }
    }
}
