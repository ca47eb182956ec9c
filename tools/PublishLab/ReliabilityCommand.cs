using System.Diagnostics;
using System.Globalization;

namespace Platform.PublishLab;

/// <summary>
/// Crash trials: each schedules a few posts due now on every selected platform at once, then kill -9s one or both hosts
/// at a random point (before the claim, mid-call while a platform holds its answer, or after), with two hosts racing on
/// the database in most of them. Killed hosts are restarted at the next trial. At the end every target must settle;
/// the ledger then counts duplicates and losses per platform, as each platform's own server holds its posts.
/// </summary>
internal static class ReliabilityCommand
{
    /// <summary>One trial: what it did to the hosts and, per platform, the texts it posted there and the API calls answered with an error.</summary>
    private sealed record Trial(
        int Number, bool Racing, int KillAfterMs, string Killed, DateTimeOffset PublishedAt, IReadOnlyDictionary<LabPlatform, List<string>> Texts,
        IReadOnlyDictionary<LabPlatform, int> ApiErrors);

    /// <summary>
    /// Runs <paramref name="trials"/> trials, each on all of <paramref name="platformNames"/>, and prints the report;
    /// 1 on any duplicate or loss. <paramref name="afterSettled"/> runs once every target settled, before the servers
    /// are read (a test plants what the report must count there).
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<PlatformReport> Reports)> RunAsync(
        int trials, int postsPerTrial, int seed, IReadOnlyList<string> platformNames, Func<IReadOnlyList<LabPlatform>, Task>? afterSettled = null)
    {
        var random = new Random(seed);
        var lease = TimeSpan.FromSeconds(3);
        var platforms = new List<LabPlatform>();
        var media = Directory.CreateTempSubdirectory("publishlab-media-");
        await using var origin = await MediaOrigin.StartAsync(media.FullName);
        try
        {
            foreach (var name in platformNames)
            {
                platforms.Add(await LabPlatform.StartAsync(name));
            }
            return await RunAsync(trials, postsPerTrial, seed, random, lease, platforms, origin, afterSettled);
        }
        finally
        {
            foreach (var platform in platforms)
            {
                await platform.DisposeAsync();
            }
            media.Delete(recursive: true);
        }
    }

    private static async Task<(int, IReadOnlyList<PlatformReport>)> RunAsync(
        int trials, int postsPerTrial, int seed, Random random, TimeSpan lease, List<LabPlatform> platforms, MediaOrigin origin,
        Func<IReadOnlyList<LabPlatform>, Task>? afterSettled)
    {
        var settings = new Dictionary<string, string>
        {
            ["Publishing__Lease"] = "00:00:03",
            ["Publishing__RetryBaseDelay"] = "00:00:00.200",
            ["Publishing__IdlePoll"] = "00:00:00.500",
            // The local servers list a post as soon as they accept it: the last attempt's lookup need not wait 30 s for them.
            ["Publishing__FinalLookupDelay"] = "00:00:01",
            // The breaker's pause scaled down with the lease (2.5 leases, as 5 min to 2 min in production): a paused account
            // still waits and is tried again by one trial post, within the settle window rather than minutes after it.
            ["Publishing__CircuitBreaker__BreakDuration"] = BreakDuration.ToString("c", CultureInfo.InvariantCulture),
            // Every attempt's outcome in the host logs, so that a duplicate or a loss can be traced to its attempts.
            ["Logging__LogLevel__Platform.Posts.Publishing"] = "Information",
            // The hosts download videos from the lab's media origin (YouTube); its certificate is the only root they need.
            ["SSL_CERT_FILE"] = origin.CertificateFile,
        };
        foreach (var platform in platforms)
        {
            foreach (var (key, value) in platform.HostSettings(origin))
            {
                settings[key] = value;
            }
            // A third of the accepted posts are answered late, so kills also land while the platform holds a request.
            platform.Server.Faults.DelayAnswers(step => platform.IsAcceptStep(step) && Random.Shared.NextDouble() < 0.33
                ? TimeSpan.FromMilliseconds(Random.Shared.Next(50, 600))
                : null);
        }
        await using var run = await LabRun.StartAsync("reliability", settings);
        var hosts = new[] { run.AddHost(LabRun.FreePort()), run.AddHost(LabRun.FreePort()) };
        Console.WriteLine($"reliability: {trials} trials x {postsPerTrial} posts on each of {string.Join(", ", platforms.Select(p => p.Name))}, lease {lease.TotalSeconds} s, seed {seed}, logs {run.Logs}");
        hosts[0].Start();
        await RequireReadyAsync(hosts[0]);
        // Each documented server has one user: one tenant per platform connects it once, through the connect flow.
        var accounts = new Dictionary<LabPlatform, (LabTenant Tenant, Guid Account)>();
        foreach (var platform in platforms)
        {
            var tenant = await LabApi.RegisterWithAccountsAsync(hosts[0].Url, 0, $"reliability-{platform.Slug}");
            var account = await LabApi.ConnectAsync(hosts[0].Url, tenant, platform.Slug);
            await platform.PrepareAsync(hosts[0].Url, tenant, account);
            accounts[platform] = (tenant, account);
        }
        var clock = Stopwatch.StartNew();
        var list = new List<Trial>();
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
            // Every platform's drafts first, then every publish at once: the kill finds all of them in flight together.
            var texts = platforms.ToDictionary(p => p, p => Enumerable.Range(0, postsPerTrial).Select(i => $"t{number}-{p.Slug}-p{i} {Guid.NewGuid():N}").ToList());
            // A draft or publish request the API answers with an error takes its text out of the ledger (the platform may
            // still get a post the API said it failed to take: that is the API's fault, printed here, not the pipeline's).
            var apiErrors = platforms.ToDictionary(p => p, _ => 0);
            async Task CallAsync(LabPlatform platform, string text, Func<Task> call)
            {
                try
                {
                    await call();
                }
                catch (InvalidOperationException failure)
                {
                    lock (apiErrors)
                    {
                        apiErrors[platform]++;
                        texts[platform].Remove(text);
                    }
                    Console.WriteLine($"trial {number} {platform.Name}: API error, post left out: {failure.Message}");
                }
            }
            var drafts = new List<(LabPlatform Platform, string Text, LabTenant Tenant, Guid Post)>();
            await Task.WhenAll(platforms.SelectMany(platform => texts[platform].ToList().Select(text => CallAsync(platform, text, async () =>
            {
                var (tenant, account) = accounts[platform];
                var post = await LabApi.CreatePostAsync(api, tenant, text, platform.PostType, platform.Media(origin), [platform.Target(account, text)]);
                lock (drafts)
                {
                    drafts.Add((platform, text, tenant, post));
                }
            }))));
            await Task.WhenAll(drafts.Select(d => CallAsync(d.Platform, d.Text, () => LabApi.PublishNowAsync(api, d.Tenant, d.Post))));
            var publishedAt = DateTimeOffset.UtcNow;
            var killAfter = random.Next(0, 301);
            await Task.Delay(killAfter);
            var ready = live.Where(h => h.Ready).ToArray();
            var victims = ready.Length > 1 && random.NextDouble() < 0.2 ? ready : [ready[random.Next(ready.Length)]];
            foreach (var victim in victims)
            {
                victim.Kill();
            }
            list.Add(new Trial(number, racing, killAfter, string.Join("+", victims.Select(v => v.Name)), publishedAt, texts, apiErrors));
            if (number % 10 == 0)
            {
                Console.WriteLine($"  {number} trials in {clock.Elapsed.TotalSeconds:0} s");
            }
        }
        var trialsTime = clock.Elapsed;
        hosts[0].StartIfDown();
        await RequireReadyAsync(hosts[0]);
        // Room for a lost outcome's lookups (a few leases and retries) and for a breaker that opened at the end to pause, fail its
        // trial once and pause again before the trial that closes it.
        var settleBy = DateTime.UtcNow + lease * 4 + BreakDuration * 3 + TimeSpan.FromSeconds(60);
        while (await run.UnsettledAsync() > 0 && DateTime.UtcNow < settleBy)
        {
            await Task.Delay(500);
        }
        var totalTime = clock.Elapsed;
        if (afterSettled is not null)
        {
            await afterSettled(platforms);
        }
        var byText = (await run.OutcomesAsync()).ToDictionary(o => o.Text, StringComparer.Ordinal);
        var held = platforms.ToDictionary(p => p, p => p.Held());
        foreach (var trial in list)
        {
            Console.WriteLine(TrialLine(trial, held, byText));
        }
        var reports = new List<PlatformReport>();
        foreach (var platform in platforms)
        {
            var report = Report(platform, list, held[platform], byText);
            reports.Add(report);
            foreach (var duplicate in report.Ledger.Duplicates)
            {
                Console.WriteLine($"DUPLICATE on {platform.Name}: \"{duplicate.Text}\" held {duplicate.Sends} times");
            }
            foreach (var loss in report.Ledger.Losses)
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
        return (total.Duplicates > 0 || total.Losses > 0 ? 1 : 0, reports);
    }

    /// <summary>One platform's figures over every trial: only what this run sent counts (a planted or foreign post with another text is not ours).</summary>
    private static PlatformReport Report(LabPlatform platform, List<Trial> trials, IReadOnlyList<ReceivedPost> held, Dictionary<string, TargetOutcome> byText)
    {
        var sent = trials.SelectMany(t => t.Texts[platform]).ToHashSet(StringComparer.Ordinal);
        var targets = sent.Select(t => byText.GetValueOrDefault(t)).OfType<TargetOutcome>().ToList();
        var ledger = Ledger.Check([.. held.Where(r => sent.Contains(r.Text))], targets);
        var settleSeconds = trials.Select(t => SettledAfter(t, t.Texts[platform], byText)).OfType<double>().ToList();
        return new PlatformReport(platform.Name, trials.Count, sent.Count, ledger, sent.Count - targets.Count, settleSeconds, trials.Sum(t => t.ApiErrors[platform]));
    }

    /// <summary>A trial's line: what hit the hosts, then over every platform what is held, doubled, lost or unconfirmed (naming the platforms with a problem).</summary>
    private static string TrialLine(Trial trial, Dictionary<LabPlatform, IReadOnlyList<ReceivedPost>> held, Dictionary<string, TargetOutcome> byText)
    {
        int heldCount = 0, sent = 0, duplicates = 0, losses = 0, unconfirmed = 0;
        var troubled = new List<string>();
        foreach (var (platform, texts) in trial.Texts)
        {
            var set = texts.ToHashSet(StringComparer.Ordinal);
            var mine = texts.Select(t => byText.GetValueOrDefault(t)).OfType<TargetOutcome>().ToList();
            var received = held[platform].Where(r => set.Contains(r.Text)).ToList();
            var ledger = Ledger.Check(received, mine);
            var lost = ledger.Losses.Count + texts.Count - mine.Count;
            heldCount += received.Count;
            sent += texts.Count;
            duplicates += ledger.ExtraSends;
            losses += lost;
            unconfirmed += ledger.Unconfirmed;
            if (ledger.ExtraSends + lost + ledger.Unconfirmed > 0)
            {
                troubled.Add($"{platform.Name} dup {ledger.ExtraSends} loss {lost} unconfirmed {ledger.Unconfirmed}");
            }
        }
        var settled = SettledAfter(trial, trial.Texts.Values.SelectMany(t => t), byText) is { } seconds ? $"{seconds:0.0} s" : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"trial {trial.Number,4}: {(trial.Racing ? "2 hosts" : "1 host "),-7} kill {trial.Killed,-11} at {trial.KillAfterMs,3} ms | held {heldCount}/{sent} dup {duplicates} loss {losses} unconfirmed {unconfirmed} settled after {settled}{(troubled.Count > 0 ? " | " + string.Join("; ", troubled) : "")}");
    }

    /// <summary>Seconds from the trial's publish requests to the last attempt's end over <paramref name="texts"/>, if any attempt ended.</summary>
    private static double? SettledAfter(Trial trial, IEnumerable<string> texts, Dictionary<string, TargetOutcome> byText) =>
        texts.Select(t => byText.GetValueOrDefault(t)?.LastFinishedAt).Max() is { } last ? (last - trial.PublishedAt).TotalSeconds : null;

    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(7.5);

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
