using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Platform.TestKit;

namespace Platform.PublishLab;

/// <summary>
/// Webhook fan-out under load: one host, one tenant with <c>subscriptions</c> subscriptions to <c>post.scheduled</c> on
/// local receivers, one of which answers after <c>slow-ms</c>; events are written to the outbox at <c>rate</c> a second
/// (as a module raising them would) for <c>seconds</c>. Reports, for the receivers that answer at once, how late each
/// delivery arrived after its event occurred (p50, p99, max), and what was missing or repeated.
/// </summary>
internal static class WebhookFanOutCommand
{
    private const string Path = "/hooks/";
    private const string EventType = "posts.post_scheduled";
    private const string Handler = "Platform.Webhooks.Sending.EventDeliveries";

    public static async Task<int> RunAsync(int rate, int seconds, int subscriptions, int slowMilliseconds)
    {
        var load = (await File.ReadAllTextAsync("/proc/loadavg")).Trim();
        await using var receivers = await FakePlatform.StartAsync();
        var arrivals = new ConcurrentDictionary<int, ConcurrentQueue<(Guid EventId, double LateMs)>>();
        for (var i = 0; i < subscriptions; i++)
        {
            var index = i;
            var queue = arrivals.GetOrAdd(index, _ => new ConcurrentQueue<(Guid, double)>());
            var answer = new FakeResponse(204, Delay: index == 0 && slowMilliseconds > 0 ? TimeSpan.FromMilliseconds(slowMilliseconds) : null);
            receivers.On("POST", Path + index, request =>
            {
                var envelope = JsonDocument.Parse(request.Body).RootElement;
                var late = DateTimeOffset.UtcNow - envelope.GetProperty("occurred_at").GetDateTimeOffset();
                queue.Enqueue((envelope.GetProperty("id").GetGuid(), late.TotalMilliseconds));
                return answer;
            });
        }
        await using var run = await LabRun.StartAsync("webhooks", new Dictionary<string, string>
        {
            ["Webhooks__AllowHttp"] = "true",
            // Background jobs run as in production (a version that sends deliveries as jobs needs them).
            ["Hangfire__ServerEnabled"] = "true",
            ["OutboundRequests__AllowedHosts__0"] = new Uri(receivers.Url).Authority,
        });
        var host = run.AddHost(LabRun.FreePort());
        host.Start();
        if (!await host.WaitReadyAsync(TimeSpan.FromSeconds(120)))
        {
            throw new InvalidOperationException($"The host did not become ready; see {run.Logs}.");
        }
        var tenant = await LabApi.RegisterWithAccountsAsync(host.Url, 0, "webhooks");
        for (var i = 0; i < subscriptions; i++)
        {
            await LabApi.SubscribeAsync(host.Url, tenant, receivers.Url + Path + i, "post.scheduled");
        }
        Console.WriteLine($"{rate} events/s for {seconds} s to {subscriptions} subscriptions, receiver 0 answering after {slowMilliseconds} ms; "
            + $"{Environment.ProcessorCount} cores, load before {load}");

        var cpuBefore = host.TotalCpu();
        var sent = await WriteEventsAsync(run, tenant.TenantId, rate, seconds);
        var fast = Enumerable.Range(slowMilliseconds > 0 ? 1 : 0, subscriptions - (slowMilliseconds > 0 ? 1 : 0)).ToList();
        var waitUntil = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (fast.Sum(i => arrivals[i].Count) < sent.Count * fast.Count && DateTime.UtcNow < waitUntil)
        {
            await Task.Delay(250);
        }
        var cpu = host.TotalCpu() - cpuBefore;

        var late = fast.SelectMany(i => arrivals[i].Select(a => a.LateMs)).Order().ToList();
        var missing = fast.Sum(i => sent.Count - arrivals[i].Select(a => a.EventId).Distinct().Count(sent.Contains));
        var repeated = fast.Sum(i => arrivals[i].Count - arrivals[i].Select(a => a.EventId).Distinct().Count());
        Console.WriteLine($"events written: {sent.Count}; deliveries to the other {fast.Count} receivers: {late.Count} "
            + $"(missing {missing}, repeated {repeated})");
        Console.WriteLine($"other receivers, event to delivery: p50 {Stats.Percentile(late, 50):0} ms, p99 {Stats.Percentile(late, 99):0} ms, "
            + $"max {(late.Count == 0 ? 0 : late[^1]):0} ms");
        if (slowMilliseconds > 0)
        {
            Console.WriteLine($"slow receiver got {arrivals[0].Count} of {sent.Count} while the run lasted (its own backlog waits its turn)");
        }
        Console.WriteLine($"host CPU {cpu.TotalSeconds:0.0} s ({cpu.TotalMilliseconds / Math.Max(1, late.Count):0.00} ms per delivery); "
            + $"load after {(await File.ReadAllTextAsync("/proc/loadavg")).Trim()}");
        return 0;
    }

    /// <summary>
    /// Writes <paramref name="rate"/> events a second in ten batches a second, each stamped when written, as the outbox
    /// rows a module's unit of work adds for the webhook handler.
    /// </summary>
    private static async Task<HashSet<Guid>> WriteEventsAsync(LabRun run, Guid tenantId, int rate, int seconds)
    {
        var sent = new HashSet<Guid>();
        await using var connection = run.Database.OpenSuperuser();
        var clock = Stopwatch.StartNew();
        var tick = TimeSpan.FromMilliseconds(100);
        var total = rate * seconds;
        for (var batch = 0; sent.Count < total; batch++)
        {
            var due = tick * batch;
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var count = Math.Min(total - sent.Count, (int)Math.Round(rate * (batch + 1) / 10.0) - sent.Count);
            var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
            var now = DateTimeOffset.UtcNow;
            var payloads = ids.Select(id => JsonSerializer.Serialize(new
            {
                eventId = id, tenantId, occurredAt = now, postId = Guid.NewGuid(), scheduledAt = now.AddDays(1), timeZone = (string?)null, targetIds = Array.Empty<Guid>(),
            }, JsonSerializerOptions.Web)).ToArray();
            await using var command = new NpgsqlCommand("""
                INSERT INTO platform_events.outbox (id, tenant_id, event_type, handler, payload)
                SELECT gen_random_uuid(), $1, $2, $3, p::jsonb FROM unnest($4::text[]) AS p
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            command.Parameters.Add(new NpgsqlParameter { Value = EventType });
            command.Parameters.Add(new NpgsqlParameter { Value = Handler });
            command.Parameters.Add(new NpgsqlParameter { Value = payloads });
            await command.ExecuteNonQueryAsync();
            sent.UnionWith(ids);
        }
        return sent;
    }
}
