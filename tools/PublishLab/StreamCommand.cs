using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.PublishLab;

/// <summary>
/// The live notification stream under many clients: one host, <c>clients</c> server-sent-event streams spread over
/// <c>tenants</c> tenants, and post events written to the outbox at a steady rate, as a module's commit would write
/// them. Each client times every event from the moment its row was written to the moment it read it (one clock: the
/// lab and the host share the machine). Reports delivery latency p50/p99, deliveries missed, and streams still open.
/// </summary>
internal static class StreamCommand
{
    private const string Handler = "Platform.Notifications.Events.StreamOnEvents";

    public static async Task<int> RunAsync(int clients, int tenantCount, int rate, int seconds, int warmupSeconds)
    {
        var load = (await File.ReadAllTextAsync("/proc/loadavg")).Trim();
        await using var lab = await LabRun.StartAsync("notify-stream", new Dictionary<string, string>());
        var host = lab.AddHost(LabRun.FreePort());
        host.Start();
        if (!await host.WaitReadyAsync(TimeSpan.FromSeconds(120)))
        {
            throw new InvalidOperationException($"The host did not become ready; see {lab.Logs}.");
        }
        var tenants = new LabTenant[tenantCount];
        await LabApi.ForEachAsync(Enumerable.Range(0, tenantCount), 4, async i => tenants[i] = await LabApi.RegisterWithAccountsAsync(host.Url, 0, $"stream-{i}"));
        Console.WriteLine($"notify-stream: {clients} streams over {tenantCount} tenants, {rate} events/s for {warmupSeconds} s of warm-up (not counted), " +
                          $"then {seconds} s; {Environment.ProcessorCount} cores, load before {load}");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 16 })
        {
            BaseAddress = new Uri(host.Url),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var stop = new CancellationTokenSource();
        var latencies = new ConcurrentBag<(DateTimeOffset At, double Milliseconds)>();
        var streams = Enumerable.Range(0, clients).Select(i => new StreamClient(tenants[i % tenantCount], latencies)).ToList();
        var opening = Stopwatch.StartNew();
        var reading = streams.Select(s => Task.Run(() => s.RunAsync(http, stop.Token))).ToList();
        while (streams.Count(s => s.Open) < clients && opening.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(100);
        }
        Console.WriteLine($"streams open: {streams.Count(s => s.Open)} of {clients} after {opening.Elapsed.TotalSeconds:0.0} s");

        var measuredFrom = DateTimeOffset.UtcNow.AddSeconds(warmupSeconds);
        var published = await PublishAsync(lab, tenants, rate, TimeSpan.FromSeconds(warmupSeconds + seconds), measuredFrom);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var held = streams.Count(s => s.Open);
        var cpu = host.TotalCpu();
        await stop.CancelAsync();
        await Task.WhenAll(reading);

        var clientsPerTenant = tenants.Select((t, i) => streams.Count(s => s.Tenant == t)).ToList();
        var expected = published.Sum(p => (long)clientsPerTenant[p]);
        var measured = latencies.Where(l => l.At >= measuredFrom).Select(l => l.Milliseconds).Order().ToList();
        Console.WriteLine($"events published after warm-up: {published.Count}; deliveries expected {expected}, received {measured.Count}, missed {expected - measured.Count}");
        Console.WriteLine($"delivery latency (outbox row written -> client read it): {Stats.Summary(measured)} (target p99 < 1000 ms)");
        Console.WriteLine($"streams held to the end: {held} of {clients}; ended early {streams.Count(s => s.EndedEarly)}; host CPU {cpu.TotalSeconds:0} s in all");
        Console.WriteLine($"load after: {(await File.ReadAllTextAsync("/proc/loadavg")).Trim()}");
        var ok = held == clients && measured.Count >= expected && Stats.Percentile(measured, 99) < 1000;
        Console.WriteLine(ok ? "result: ok" : "result: FAILED");
        return ok ? 0 : 1;
    }

    /// <summary>Writes post events to the outbox at <paramref name="rate"/> per second, round-robin over the tenants.</summary>
    /// <returns>The tenant index of each event written after <paramref name="measuredFrom"/>.</returns>
    private static async Task<List<int>> PublishAsync(LabRun lab, LabTenant[] tenants, int rate, TimeSpan duration, DateTimeOffset measuredFrom)
    {
        var written = new List<int>();
        var clock = Stopwatch.StartNew();
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        for (var n = 0; clock.Elapsed < duration; n++)
        {
            await ticks.WaitForNextTickAsync();
            var tenant = n % tenants.Length;
            var now = DateTimeOffset.UtcNow;
            var payload = JsonSerializer.Serialize(new
            {
                eventId = Guid.NewGuid(), tenantId = tenants[tenant].TenantId, occurredAt = now, postId = Guid.NewGuid(),
                scheduledAt = now, targetIds = Array.Empty<Guid>(),
            });
            await lab.QueryAsync("""
                INSERT INTO platform_events.outbox (id, tenant_id, event_type, handler, payload)
                VALUES (gen_random_uuid(), $1, 'posts.post_scheduled', $2, $3::jsonb) RETURNING 1
                """, r => r.GetInt32(0), tenants[tenant].TenantId, Handler, payload);
            if (now >= measuredFrom)
            {
                written.Add(tenant);
            }
        }
        return written;
    }

    /// <summary>One browser tab: reads its stream and times each post event from its occurredAt.</summary>
    private sealed class StreamClient(LabTenant tenant, ConcurrentBag<(DateTimeOffset At, double Milliseconds)> latencies)
    {
        private volatile bool open;

        public LabTenant Tenant => tenant;
        public bool Open => open;
        public bool EndedEarly { get; private set; }

        public async Task RunAsync(HttpClient http, CancellationToken stop)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications/stream");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.AccessToken);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
                open = true;
                while (await reader.ReadLineAsync(stop) is { } line)
                {
                    if (line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        var now = DateTimeOffset.UtcNow;
                        using var data = JsonDocument.Parse(line.AsMemory(6));
                        if (data.RootElement.TryGetProperty("occurredAt", out var occurredAt))
                        {
                            latencies.Add((occurredAt.GetDateTimeOffset(), (now - occurredAt.GetDateTimeOffset()).TotalMilliseconds));
                        }
                    }
                }
                EndedEarly = !stop.IsCancellationRequested;
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                EndedEarly = true;
                Console.Error.WriteLine($"a stream failed: {exception.Message}");
            }
            finally
            {
                open = false;
            }
        }
    }
}
