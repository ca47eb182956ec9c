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
    private sealed record Trial(int Number, bool Racing, int KillAfterMs, string Killed, DateTimeOffset PublishedAt, List<string> Texts);

    public static async Task<int> RunAsync(int trials, int postsPerTrial, int seed)
    {
        var random = new Random(seed);
        var lease = TimeSpan.FromSeconds(3);
        await using var run = await LabRun.StartAsync("reliability", new Dictionary<string, string>
        {
            ["Publishing__Lease"] = "00:00:03",
            ["Publishing__RetryBaseDelay"] = "00:00:00.200",
            ["Publishing__IdlePoll"] = "00:00:00.500",
            // Every attempt's outcome in the host logs, so that a duplicate or a loss can be traced to its attempts.
            ["Logging__LogLevel__Platform.Posts.Publishing"] = "Information",
        });
        // A third of the answers come late, so kills also land while the platform holds a request.
        run.X.AnswerDelay = () => Random.Shared.NextDouble() < 0.33 ? TimeSpan.FromMilliseconds(Random.Shared.Next(50, 600)) : null;
        var hosts = new[] { run.AddHost(LabRun.FreePort()), run.AddHost(LabRun.FreePort()) };
        Console.WriteLine($"reliability: {trials} trials x {postsPerTrial} posts, lease {lease.TotalSeconds} s, seed {seed}, logs {run.Logs}");
        hosts[0].Start();
        await RequireReadyAsync(hosts[0]);
        // X allows 100 publishes per account per 15 minutes: spread the trials over enough accounts.
        var accountsNeeded = Math.Max(8, trials * postsPerTrial / 60 + 1);
        var tenants = new List<LabTenant>();
        for (var i = 0; tenants.Sum(t => t.Accounts.Count) < accountsNeeded; i++)
        {
            tenants.Add(await LabApi.RegisterWithAccountsAsync(hosts[0].Url, 4, $"reliability-{i}"));
        }
        var accounts = tenants.SelectMany(t => t.Accounts.Select(a => (Tenant: t, Account: a))).ToList();
        var clock = Stopwatch.StartNew();
        var list = new List<Trial>();
        var next = 0;
        for (var number = 1; number <= trials; number++)
        {
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
            var posts = new List<(LabTenant Tenant, Guid Post)>();
            for (var p = 0; p < postsPerTrial; p++)
            {
                var (tenant, account) = accounts[next++ % accounts.Count];
                var text = $"t{number}-p{p} {Guid.NewGuid():N}";
                texts.Add(text);
                posts.Add((tenant, await LabApi.CreatePostAsync(api, tenant, [(account, text)])));
            }
            await Task.WhenAll(posts.Select(p => LabApi.PublishNowAsync(api, p.Tenant, p.Post)));
            var publishedAt = DateTimeOffset.UtcNow;
            var killAfter = random.Next(0, 301);
            await Task.Delay(killAfter);
            var ready = live.Where(h => h.Ready).ToArray();
            var victims = ready.Length > 1 && random.NextDouble() < 0.2 ? ready : [ready[random.Next(ready.Length)]];
            foreach (var victim in victims)
            {
                victim.Kill();
            }
            list.Add(new Trial(number, racing, killAfter, string.Join("+", victims.Select(v => v.Name)), publishedAt, texts));
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
        var outcomes = await run.OutcomesAsync();
        var received = run.X.Tweets;
        var total = Ledger.Check(received, outcomes);
        var byText = outcomes.ToDictionary(o => o.Text, StringComparer.Ordinal);
        foreach (var trial in list)
        {
            var mine = trial.Texts.Select(t => byText.GetValueOrDefault(t)).OfType<TargetOutcome>().ToList();
            var set = trial.Texts.ToHashSet(StringComparer.Ordinal);
            var report = Ledger.Check(received.Where(r => set.Contains(r.Text)).ToList(), mine);
            var settled = mine.Select(o => o.LastFinishedAt).Max() is { } last ? $"{(last - trial.PublishedAt).TotalSeconds:0.0} s" : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trial {trial.Number,4}: {(trial.Racing ? "2 hosts" : "1 host "),-7} kill {trial.Killed,-11} at {trial.KillAfterMs,3} ms | sent {received.Count(r => set.Contains(r.Text))}/{trial.Texts.Count} dup {report.ExtraSends} loss {report.Losses.Count + trial.Texts.Count - mine.Count} unconfirmed {report.Unconfirmed} settled after {settled}"));
        }
        foreach (var duplicate in total.Duplicates)
        {
            Console.WriteLine($"DUPLICATE: \"{duplicate.Text}\" received {duplicate.Sends} times");
        }
        foreach (var loss in total.Losses)
        {
            Console.WriteLine($"LOSS: target {loss.TargetId} \"{loss.Text}\": {loss.Reason}");
        }
        var missing = list.Sum(t => t.Texts.Count) - outcomes.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total: {list.Count} trials, {outcomes.Count} targets, published {total.Published}, duplicates {total.ExtraSends} (texts {total.Duplicates.Count}), losses {total.Losses.Count + missing}, unconfirmed {total.Unconfirmed} ({total.UnconfirmedButSent} of them on the platform), {hosts.Sum(h => h.Starts)} host starts (start-up to healthy: {Stats.Summary(hosts.SelectMany(h => h.ReadySeconds).Select(s => s * 1000))}), trials {trialsTime.TotalSeconds:0} s, until settled {totalTime.TotalSeconds:0} s"));
        return total.ExtraSends > 0 || total.Losses.Count + missing > 0 ? 1 : 0;
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
