using System.Diagnostics;
using System.Globalization;

namespace Platform.PublishLab;

/// <summary>
/// Crash trials: each schedules a few posts due now, then kill -9s one or both hosts at a random point (before the
/// claim, mid-call while the fake holds its answer, or after), with two hosts racing on the database in about half of
/// them. Killed hosts are restarted at the next trial. At the end every target must settle; the ledger then counts
/// duplicates and losses per trial.
/// </summary>
internal static class ReliabilityCommand
{
    private sealed record Trial(int Number, LabPlatform Platform, bool Racing, int KillAfterMs, string Killed, DateTimeOffset PublishedAt, List<string> Texts);

    /// <summary>
    /// Runs <paramref name="trials"/> trials on each of <paramref name="platformNames"/> (round robin) and prints the
    /// report; 1 on any duplicate or loss. <paramref name="afterSettled"/> runs once every target settled, before the
    /// servers are read (a test plants what the report must count there).
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<PlatformReport> Reports)> RunAsync(
        int trials, int postsPerTrial, int seed, IReadOnlyList<string> platformNames, Func<IReadOnlyList<LabPlatform>, Task>? afterSettled = null)
    {
        var random = new Random(seed);
        var lease = TimeSpan.FromSeconds(3);
        var platforms = new List<LabPlatform>();
        try
        {
            foreach (var name in platformNames)
            {
                platforms.Add(await LabPlatform.StartAsync(name));
            }
            return await RunAsync(trials, postsPerTrial, seed, random, lease, platforms, afterSettled);
        }
        finally
        {
            foreach (var platform in platforms)
            {
                await platform.DisposeAsync();
            }
        }
    }

    private static async Task<(int, IReadOnlyList<PlatformReport>)> RunAsync(
        int trials, int postsPerTrial, int seed, Random random, TimeSpan lease, List<LabPlatform> platforms, Func<IReadOnlyList<LabPlatform>, Task>? afterSettled)
    {
        var settings = new Dictionary<string, string>
        {
            ["Publishing__Lease"] = "00:00:03",
            ["Publishing__RetryBaseDelay"] = "00:00:00.200",
            ["Publishing__IdlePoll"] = "00:00:00.500",
            // Every attempt's outcome in the host logs, so that a duplicate or a loss can be traced to its attempts.
            ["Logging__LogLevel__Platform.Posts.Publishing"] = "Information",
        };
        foreach (var platform in platforms)
        {
            foreach (var (key, value) in platform.HostSettings())
            {
                settings[key] = value;
            }
            // A third of the accepted posts are answered late, so kills also land while the platform holds a request.
            var accept = platform.AcceptStep;
            platform.Server.AnswerDelay = step => step == accept && Random.Shared.NextDouble() < 0.33
                ? TimeSpan.FromMilliseconds(Random.Shared.Next(50, 600))
                : null;
        }
        await using var run = await LabRun.StartAsync("reliability", settings);
        var hosts = new[] { run.AddHost(LabRun.FreePort()), run.AddHost(LabRun.FreePort()) };
        Console.WriteLine($"reliability: {trials} trials x {postsPerTrial} posts on {string.Join(", ", platforms.Select(p => p.Name))}, lease {lease.TotalSeconds} s, seed {seed}, logs {run.Logs}");
        hosts[0].Start();
        await RequireReadyAsync(hosts[0]);
        // Each documented server has one user: one tenant per platform connects it once, through the connect flow.
        var accounts = new Dictionary<LabPlatform, (LabTenant Tenant, Guid Account)>();
        foreach (var platform in platforms)
        {
            var tenant = await LabApi.RegisterWithAccountsAsync(hosts[0].Url, 0, $"reliability-{platform.Slug}");
            accounts[platform] = (tenant, await LabApi.ConnectAsync(hosts[0].Url, tenant, platform.Slug));
        }
        var clock = Stopwatch.StartNew();
        var list = new List<Trial>();
        for (var number = 1; number <= trials * platforms.Count; number++)
        {
            var platform = platforms[(number - 1) % platforms.Count];
            // Killed hosts restart here, not right after the kill: a surviving host carries the trial meanwhile, so only
            // trials that killed every host wait for a start-up.
            // A host is never killed while starting: start-up takes a Hangfire lock that outlives a kill -9 and then
            // blocks every later start-up (see the report); so a one-host trial needs the other host down or ready.
            foreach (var host in hosts.Where(h => h.Alive))
            {
                await host.IsReadyAsync();
            }
            var racing = random.NextDouble() < 0.7 || hosts.Any(h => h.Alive && !h.Ready);
            HostProcess[] live;
            if (racing)
            {
                foreach (var host in hosts)
                {
                    host.StartIfDown();
                }
                live = hosts;
            }
            else
            {
                var survivor = hosts.FirstOrDefault(h => h.Alive && h.Ready) ?? hosts[0];
                foreach (var host in hosts.Where(h => h != survivor))
                {
                    host.Kill();
                }
                survivor.StartIfDown();
                live = [survivor];
            }
            var api = (await AnyReadyAsync(live)).Url;
            var texts = new List<string>();
            var posts = new List<Guid>();
            var (tenant, account) = accounts[platform];
            for (var p = 0; p < postsPerTrial; p++)
            {
                var text = $"t{number}-p{p} {Guid.NewGuid():N}";
                texts.Add(text);
                posts.Add(await LabApi.CreatePostAsync(api, tenant, text, [platform.Target(account, text)]));
            }
            await Task.WhenAll(posts.Select(p => LabApi.PublishNowAsync(api, tenant, p)));
            var publishedAt = DateTimeOffset.UtcNow;
            var killAfter = random.Next(0, 301);
            await Task.Delay(killAfter);
            var ready = live.Where(h => h.Ready).ToArray();
            var victims = ready.Length > 1 && random.NextDouble() < 0.2 ? ready : [ready[random.Next(ready.Length)]];
            foreach (var victim in victims)
            {
                victim.Kill();
            }
            list.Add(new Trial(number, platform, racing, killAfter, string.Join("+", victims.Select(v => v.Name)), publishedAt, texts));
            if (number % 50 == 0)
            {
                Console.WriteLine($"  {number} trials in {clock.Elapsed.TotalSeconds:0} s");
            }
        }
        var trialsTime = clock.Elapsed;
        hosts[0].StartIfDown();
        await RequireReadyAsync(hosts[0]);
        var settleBy = DateTime.UtcNow + lease * 4 + TimeSpan.FromSeconds(60);
        while (await run.UnsettledAsync() > 0 && DateTime.UtcNow < settleBy)
        {
            await Task.Delay(500);
        }
        var totalTime = clock.Elapsed;
        if (afterSettled is not null)
        {
            await afterSettled(platforms);
        }
        var outcomes = await run.OutcomesAsync();
        var byText = outcomes.ToDictionary(o => o.Text, StringComparer.Ordinal);
        var reports = new List<PlatformReport>();
        foreach (var platform in platforms)
        {
            var trialsHere = list.Where(t => t.Platform == platform).ToList();
            var set = trialsHere.SelectMany(t => t.Texts).ToHashSet(StringComparer.Ordinal);
            // Only what this run sent: a planted or foreign post with another text is not ours to count.
            var held = platform.Held().Where(r => set.Contains(r.Text)).ToList();
            foreach (var trial in trialsHere)
            {
                var mine = trial.Texts.Select(t => byText.GetValueOrDefault(t)).OfType<TargetOutcome>().ToList();
                var texts = trial.Texts.ToHashSet(StringComparer.Ordinal);
                var report = Ledger.Check(held.Where(r => texts.Contains(r.Text)).ToList(), mine);
                var settled = mine.Select(o => o.LastFinishedAt).Max() is { } last ? $"{(last - trial.PublishedAt).TotalSeconds:0.0} s" : "-";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"trial {trial.Number,4} {platform.Name,-9}: {(trial.Racing ? "2 hosts" : "1 host "),-7} kill {trial.Killed,-11} at {trial.KillAfterMs,3} ms | held {held.Count(r => texts.Contains(r.Text))}/{trial.Texts.Count} dup {report.ExtraSends} loss {report.Losses.Count + trial.Texts.Count - mine.Count} unconfirmed {report.Unconfirmed} settled after {settled}"));
            }
            var targets = set.Select(t => byText.GetValueOrDefault(t)).OfType<TargetOutcome>().ToList();
            var ledger = Ledger.Check(held, targets);
            var settleSeconds = trialsHere.Select(t => t.Texts.Select(x => byText.GetValueOrDefault(x)?.LastFinishedAt).Max() is { } last ? (last - t.PublishedAt).TotalSeconds : (double?)null)
                .OfType<double>().ToList();
            reports.Add(new PlatformReport(platform.Name, trialsHere.Count, set.Count, ledger, set.Count - targets.Count, settleSeconds));
            foreach (var duplicate in ledger.Duplicates)
            {
                Console.WriteLine($"DUPLICATE on {platform.Name}: \"{duplicate.Text}\" held {duplicate.Sends} times");
            }
            foreach (var loss in ledger.Losses)
            {
                Console.WriteLine($"LOSS on {platform.Name}: target {loss.TargetId} \"{loss.Text}\": {loss.Reason}");
            }
        }
        foreach (var report in reports)
        {
            Console.WriteLine(report.Line());
        }
        var total = PlatformReport.Total(reports);
        Console.WriteLine(total.Line() + string.Create(CultureInfo.InvariantCulture,
            $", {hosts.Sum(h => h.Starts)} host starts (start-up to healthy: {Stats.Summary(hosts.SelectMany(h => h.ReadySeconds).Select(s => s * 1000))}), trials {trialsTime.TotalSeconds:0} s, until settled {totalTime.TotalSeconds:0} s"));
        foreach (var name in LabPlatform.NeedingHttpsMedia)
        {
            Console.WriteLine($"not run: {name} (its posts need media, which the API takes only at https URLs; the documented servers serve http)");
        }
        return (total.Duplicates > 0 || total.Losses > 0 ? 1 : 0, reports);
    }

    private static async Task<HostProcess> AnyReadyAsync(HostProcess[] hosts)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < until)
        {
            foreach (var host in hosts)
            {
                if (host.Alive && await host.IsReadyAsync())
                {
                    return host;
                }
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException("No host became ready; see the logs.");
    }

    private static async Task RequireReadyAsync(HostProcess host)
    {
        if (!await host.WaitReadyAsync(TimeSpan.FromSeconds(90)))
        {
            throw new InvalidOperationException($"{host.Name} did not become ready; see its log.");
        }
    }
}
