using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Platform.PublishLab;

/// <summary>
/// One host publishing many targets across tenants and accounts. <c>burst</c>: everything scheduled far ahead through
/// the API, then one UPDATE moves every due time to one instant (its trigger wakes the dispatcher); reports time to
/// the last publish, publishes/s and start lateness. <c>steady</c>: a stream below capacity, each target moved to due
/// ~2 s ahead as time passes; reports lateness.
/// </summary>
internal static class ThroughputCommand
{
    public static async Task<int> RunAsync(string mode, int n, int tenantCount, int accountsPerTenant, double rate, int seconds)
    {
        var load = await File.ReadAllTextAsync("/proc/loadavg");
        await using var run = await LabRun.StartAsync("throughput", new Dictionary<string, string>());
        var host = run.AddHost(LabRun.FreePort());
        host.Start();
        if (!await host.WaitReadyAsync(TimeSpan.FromSeconds(120)))
        {
            throw new InvalidOperationException($"The host did not become ready; see {run.Logs}.");
        }
        var total = mode == "steady" ? (int)(rate * seconds) : n;
        var perTenant = Math.Max(1, (int)Math.Ceiling(total / (double)(tenantCount * accountsPerTenant)));
        Console.WriteLine($"{mode}: {tenantCount} tenants x {accountsPerTenant} X accounts x {perTenant} posts (one target per account), {Environment.ProcessorCount} cores, load before {load.Trim()}");

        var setup = Stopwatch.StartNew();
        var tenants = new LabTenant[tenantCount];
        await LabApi.ForEachAsync(Enumerable.Range(0, tenantCount), 8, async i =>
            tenants[i] = await LabApi.RegisterWithAccountsAsync(host.Url, accountsPerTenant, $"bench-{i}"));
        var farAhead = DateTimeOffset.UtcNow.AddDays(1);
        var posts = tenants.SelectMany(t => Enumerable.Range(0, perTenant).Select(p => (Tenant: t, Number: p))).ToList();
        await LabApi.ForEachAsync(posts, 16, async p =>
        {
            var id = await LabApi.CreatePostAsync(host.Url, p.Tenant, p.Tenant.Accounts.Select((a, i) => (a, $"bench {p.Number}-{i} {Guid.NewGuid():N}")).ToList());
            await LabApi.ScheduleAsync(host.Url, p.Tenant, id, farAhead);
        });
        var queued = await run.QueryAsync("SELECT target_id FROM posts.publish_queue ORDER BY tenant_id, target_id", r => r.GetGuid(0));
        Console.WriteLine($"scheduled {queued.Count} targets through the API in {setup.Elapsed.TotalSeconds:0} s");

        var cpuBefore = host.TotalCpu();
        var dues = mode == "steady" ? await StreamAsync(run, Interleave(queued, tenantCount), rate) : await BurstAsync(run);
        var waitUntil = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (await run.UnsettledAsync() > 0 && DateTime.UtcNow < waitUntil)
        {
            await Task.Delay(250);
        }
        var cpu = host.TotalCpu() - cpuBefore;
        await ReportAsync(run, dues, cpu, mode);
        Console.WriteLine($"load after {(await File.ReadAllTextAsync("/proc/loadavg")).Trim()}");
        return 0;
    }

    /// <summary>Every queued target due at one instant a few seconds ahead, set by one statement.</summary>
    private static async Task<Dictionary<Guid, DateTimeOffset>> BurstAsync(LabRun run)
    {
        var rows = await run.QueryAsync("""
            WITH due AS (SELECT date_trunc('milliseconds', clock_timestamp()) + interval '3 seconds' AS at)
            UPDATE posts.publish_queue SET due_at = due.at FROM due RETURNING target_id, due_at
            """, r => (r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1)));
        Console.WriteLine($"moved {rows.Count} targets to due {rows[0].Item2:HH:mm:ss.fff}");
        return rows.ToDictionary(r => r.Item1, r => r.Item2);
    }

    /// <summary>Feeds targets at <paramref name="rate"/> per second, each due ~2 s after it is released, in 50 ms ticks.</summary>
    private static async Task<Dictionary<Guid, DateTimeOffset>> StreamAsync(LabRun run, IReadOnlyList<Guid> targets, double rate)
    {
        var dues = new Dictionary<Guid, DateTimeOffset>();
        var clock = Stopwatch.StartNew();
        await using var connection = run.Database.OpenSuperuser();
        var released = 0;
        while (released < targets.Count)
        {
            var due = Math.Min(targets.Count, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            if (due > released)
            {
                await using var move = new NpgsqlCommand(
                    "UPDATE posts.publish_queue SET due_at = clock_timestamp() + interval '2 seconds' WHERE target_id = ANY($1) RETURNING target_id, due_at", connection);
                move.Parameters.Add(new NpgsqlParameter { Value = targets.Skip(released).Take(due - released).ToArray() });
                await using var reader = await move.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    dues[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
                }
                released = due;
            }
            await Task.Delay(50);
        }
        Console.WriteLine($"streamed {released} targets in {clock.Elapsed.TotalSeconds:0.0} s ({released / clock.Elapsed.TotalSeconds:0} /s)");
        return dues;
    }

    /// <summary>Round-robin over tenants, so the stream spreads over accounts as real traffic would.</summary>
    private static List<Guid> Interleave(IReadOnlyList<Guid> byTenant, int tenants)
    {
        var chunk = (int)Math.Ceiling(byTenant.Count / (double)tenants);
        var groups = byTenant.Chunk(chunk).ToList();
        return Enumerable.Range(0, chunk).SelectMany(i => groups.Where(g => i < g.Length).Select(g => g[i])).ToList();
    }

    private static async Task ReportAsync(LabRun run, Dictionary<Guid, DateTimeOffset> dues, TimeSpan cpu, string mode)
    {
        var outcomes = (await run.OutcomesAsync()).Where(o => dues.ContainsKey(o.TargetId)).ToList();
        var received = run.X.Tweets.GroupBy(t => t.Text).ToDictionary(g => g.Key, g => g.Min(t => t.ReceivedAt));
        var ledger = Ledger.Check(run.X.Tweets, outcomes);
        var statuses = string.Join(", ", outcomes.GroupBy(o => o.ErrorKind is null ? o.Status : $"{o.Status}/{o.ErrorKind}").Select(g => $"{g.Key} {g.Count()}"));
        var published = outcomes.Where(o => o.PublishedAt is not null).ToList();
        var firstDue = dues.Values.Min();
        var last = published.Count == 0 ? firstDue : published.Max(o => o.PublishedAt!.Value);
        var span = (last - firstDue).TotalSeconds;
        Console.WriteLine($"targets {outcomes.Count}: {statuses}; duplicates {ledger.ExtraSends}, losses {ledger.Losses.Count}");
        if (mode != "steady")
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"last published {span:0.00} s after the due instant; {published.Count / span:0} publishes/s end to end"));
        }
        Console.WriteLine($"lateness, attempt start - due:      {Stats.Summary(outcomes.Where(o => o.FirstStartedAt is not null).Select(o => (o.FirstStartedAt!.Value - dues[o.TargetId]).TotalMilliseconds))}");
        if (mode == "steady")
        {
            // Lateness by when the targets fell due: a warming host (JIT, first connections) shows in the first windows only.
            foreach (var window in outcomes.Where(o => o.FirstStartedAt is not null).GroupBy(o => (int)((dues[o.TargetId] - firstDue).TotalSeconds / 5)).OrderBy(g => g.Key))
            {
                Console.WriteLine($"  due {window.Key * 5,3}-{window.Key * 5 + 5,3} s: {Stats.Summary(window.Select(o => (o.FirstStartedAt!.Value - dues[o.TargetId]).TotalMilliseconds))}");
            }
        }
        Console.WriteLine($"lateness, platform receive - due:   {Stats.Summary(outcomes.Where(o => received.ContainsKey(o.Text)).Select(o => (received[o.Text] - dues[o.TargetId]).TotalMilliseconds))}");
        Console.WriteLine($"  start -> platform receive:        {Stats.Summary(outcomes.Where(o => o.FirstStartedAt is not null && received.ContainsKey(o.Text)).Select(o => (received[o.Text] - o.FirstStartedAt!.Value).TotalMilliseconds))}");
        Console.WriteLine($"  platform receive -> recorded:     {Stats.Summary(published.Where(o => received.ContainsKey(o.Text)).Select(o => (o.PublishedAt!.Value - received[o.Text]).TotalMilliseconds))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"host CPU {cpu.TotalSeconds:0.0} s for {published.Count} publishes ({cpu.TotalMilliseconds / Math.Max(1, published.Count):0.00} ms each)"));
    }
}
