using System.Collections.Concurrent;
using System.Net;
using Platform.SharedKernel.Outbound;

namespace Platform.TestKit;

/// <summary>
/// DNS as a test scripts it: each name answers its scripted address lists in turn, the last one from then on; any other
/// name goes to the system resolver. Lets a test make a name resolve to a public address at one look and a private one at the next.
/// </summary>
public sealed class ScriptedResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IPAddress[]>> answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> lookups = new(StringComparer.OrdinalIgnoreCase);

    public ScriptedResolver Answer(string host, params string[][] answersInTurn)
    {
        answers[host] = new ConcurrentQueue<IPAddress[]>(answersInTurn.Select(list => list.Select(IPAddress.Parse).ToArray()));
        return this;
    }

    public int LookupsOf(string host) => lookups.GetValueOrDefault(host);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (!answers.TryGetValue(host, out var queue))
        {
            return Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        lookups.AddOrUpdate(host, 1, (_, count) => count + 1);
        lock (queue)
        {
            return Task.FromResult(queue.Count > 1 && queue.TryDequeue(out var next) ? next : queue.TryPeek(out var last) ? last : []);
        }
    }
}
