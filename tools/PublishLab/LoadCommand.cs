using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Platform.PublishLab;

/// <summary>
/// A mixed load on one host: many concurrent clients, each a person at work (a request, then a pause of 0.5–1.5 s),
/// reading lists, tenants, calendars and posts, writing drafts, scheduling posts that publish to the local X, and
/// asking for AI text from the offline provider and from a slow local model. Reports answers by kind and status,
/// read latency, whether every refusal carried Retry-After, what published, and whether any tenant was charged for
/// an AI answer it did not receive.
/// </summary>
internal static class LoadCommand
{
    private static readonly (Operation Operation, int Weight)[] Mix =
    [
        (Operation.ListPosts, 20), (Operation.GetTenant, 15), (Operation.Calendar, 10), (Operation.GetPost, 15),
        (Operation.WriteDraft, 12), (Operation.Schedule, 8), (Operation.AiOffline, 12), (Operation.AiSlow, 8),
    ];

    /// <param name="only">One operation instead of the mix (its name, e.g. GetTenant), to measure its own cost; null for the mix.</param>
    public static async Task<int> RunAsync(int clients, int seconds, int warmupSeconds, int tenantCount, int poolSize, int aiDelayMilliseconds, string? only)
    {
        var mix = only is null ? Mix : [(Enum.Parse<Operation>(only, ignoreCase: true), 1)];
        var load = (await File.ReadAllTextAsync("/proc/loadavg")).Trim();
        await using var ai = await SlowAi.StartAsync(TimeSpan.FromMilliseconds(aiDelayMilliseconds));
        var settings = new Dictionary<string, string>(ai.HostSettings())
        {
            ["AI__Routing__Hashtags"] = "offline",
            ["AI__Moderation__Provider"] = "local",
            ["AI__Cache__WindowSeconds"] = "0",
            ["Hangfire__ServerEnabled"] = "true",
        };
        await using var lab = await LabRun.StartAsync("load", settings);
        lab.SetAppPoolSize(poolSize);
        var host = lab.AddHost(LabRun.FreePort());
        host.Start();
        if (!await host.WaitReadyAsync(TimeSpan.FromSeconds(120)))
        {
            throw new InvalidOperationException($"The host did not become ready; see {lab.Logs}.");
        }
        Console.WriteLine($"load: {(only is null ? "the mix" : "only " + mix[0].Operation)}, {clients} clients over {tenantCount} tenants for {warmupSeconds} s of warm-up (not counted), then {seconds} s; app pool {poolSize}, {ai}; " +
                          $"{Environment.ProcessorCount} cores, load before {load}");

        var tenants = new LabTenant[tenantCount];
        await LabApi.ForEachAsync(Enumerable.Range(0, tenantCount), 8, async i =>
            tenants[i] = await LabApi.RegisterWithAccountsAsync(host.Url, 2, $"load-{i}"));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 16, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(host.Url),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var answers = new ConcurrentBag<Answer>();
        // The warm-up runs the same load while the host's pool fills and its code is compiled for the hot paths; what
        // answers then is left out, so the figures describe the host at work, not starting. Under 500 clients on two cores
        // the JIT takes about 0.6 s of CPU a second for the first 45 s and nearly none after, hence 60 s by default.
        var warmup = TimeSpan.FromSeconds(warmupSeconds);
        var until = warmup + TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        var run = Task.WhenAll(Enumerable.Range(0, clients).Select(i =>
            Task.Run(() => new Client(http, tenants[i % tenantCount], new Random(i), mix, answers).RunAsync(clock, until))));
        await Task.Delay(warmup);
        var cpuBefore = host.TotalCpu();
        await run;
        var elapsed = clock.Elapsed - warmup;
        var cpu = host.TotalCpu() - cpuBefore;

        // Drafts stay pending; only what was scheduled has to settle.
        var settleUntil = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await QueuedAsync(lab) > 0 && DateTime.UtcNow < settleUntil)
        {
            await Task.Delay(250);
        }
        return await ReportAsync(lab, [.. answers], warmup, elapsed, cpu);
    }

    /// <summary>Latency and rates over what was sent after the warm-up; errors, refusals, duplicates and charges over everything.</summary>
    private static async Task<int> ReportAsync(LabRun run, List<Answer> all, TimeSpan warmup, TimeSpan elapsed, TimeSpan cpu)
    {
        var answers = all.Where(a => a.At >= warmup).ToList();
        Console.WriteLine($"{answers.Count} answers in {elapsed.TotalSeconds:0} s ({answers.Count / elapsed.TotalSeconds:0}/s), host CPU {cpu.TotalSeconds:0} s " +
                          $"({cpu.TotalMilliseconds / Math.Max(1, answers.Count):0.00} ms per answer, background work included)");
        foreach (var group in answers.GroupBy(a => a.Operation).OrderBy(g => g.Key))
        {
            var statuses = string.Join(", ", group.GroupBy(a => a.Status).OrderBy(s => s.Key).Select(s => $"{Status(s.Key)}: {s.Count()}"));
            Console.WriteLine($"  {group.Key,-11} {Stats.Summary(group.Select(a => a.Milliseconds))}; {statuses}");
        }
        var reads = answers.Where(a => a.Operation.IsRead() && a.Status is >= 200 and < 300).Select(a => a.Milliseconds).Order().ToList();
        var serverErrors = all.Count(a => a.Status >= 500 && a.Status != 503);
        var refusals = all.Where(a => a.Status is 429 or 503).ToList();
        var bareRefusals = refusals.Count(a => !a.RetryAfter);
        var failedCalls = all.Count(a => a.Status == 0);
        Console.WriteLine($"reads: p50 {Stats.Percentile(reads, 50):0} ms, p99 {Stats.Percentile(reads, 99):0} ms (target p99 < 100 ms)");
        Console.WriteLine($"warm-up included: 5xx other than 503: {serverErrors}; no answer (timeout or reset): {failedCalls}; " +
                          $"refusals 429/503: {refusals.Count}, without Retry-After: {bareRefusals}");

        var published = await run.QueryAsync("SELECT status, count(*) FROM posts.post_targets GROUP BY status ORDER BY status",
            r => $"{r.GetString(0)}: {r.GetInt64(1)}");
        var duplicates = run.X.Tweets.GroupBy(t => t.Text).Count(g => g.Count() > 1);
        Console.WriteLine($"targets by status (drafts stay pending): {string.Join(", ", published)}; tweets on the fake X {run.X.Tweets.Count}, sent twice {duplicates}");

        // Every charged AI request must be one whose answer reached its client: per tenant, charged requests of the
        // slow model at most the AI answers received, and the tenant's usage equal to what its records were charged.
        var received = all.Where(a => a.Operation == Operation.AiSlow && a.Status is >= 200 and < 300)
            .GroupBy(a => a.Tenant).ToDictionary(g => g.Key, g => g.Count());
        var charges = await run.QueryAsync($"""
            SELECT t.id, t.ai_usage_current,
                   coalesce((SELECT sum(r.cost_usd) FROM ai.ai_requests r WHERE r.tenant_id = t.id), 0),
                   (SELECT count(*) FROM ai.ai_requests r WHERE r.tenant_id = t.id AND r.model = '{SlowAi.Model}' AND r.cost_usd > 0),
                   (SELECT count(*) FROM ai.ai_requests r WHERE r.tenant_id = t.id AND r.status <> 'COMPLETED' AND r.cost_usd > 0)
            FROM tenants.tenants t
            """, r => (Tenant: r.GetGuid(0), Usage: r.GetDecimal(1), Recorded: r.GetDecimal(2), Charged: r.GetInt64(3), ChargedFailed: r.GetInt64(4)));
        var overcharged = charges.Count(c => c.Charged > received.GetValueOrDefault(c.Tenant) || c.ChargedFailed > 0);
        var mismatched = charges.Count(c => Math.Abs(c.Usage - c.Recorded) > 0.0001m);
        Console.WriteLine($"AI: slow answers received {received.Values.Sum()}, charged {charges.Sum(c => c.Charged)}; " +
                          $"tenants charged for an answer not received: {overcharged}; tenants whose usage differs from their records: {mismatched}");

        var ok = serverErrors == 0 && bareRefusals == 0 && duplicates == 0 && overcharged == 0;
        Console.WriteLine(ok ? "result: ok" : "result: FAILED");
        return ok ? 0 : 1;
    }

    private static async Task<long> QueuedAsync(LabRun run) => (await run.QueryAsync(
        "SELECT count(*) FROM posts.post_targets t WHERE t.status = 'publishing' OR EXISTS (SELECT 1 FROM posts.publish_queue q WHERE q.target_id = t.id)",
        r => r.GetInt64(0)))[0];

    private static string Status(int status) => status == 0 ? "none" : status.ToString(CultureInfo.InvariantCulture);

    private enum Operation { ListPosts, GetTenant, Calendar, GetPost, WriteDraft, Schedule, AiOffline, AiSlow }

    private static bool IsRead(this Operation operation) => operation is Operation.ListPosts or Operation.GetTenant or Operation.Calendar or Operation.GetPost;

    /// <param name="At">When the request was sent, from the start of the load.</param>
    private sealed record Answer(Operation Operation, Guid Tenant, int Status, double Milliseconds, bool RetryAfter, TimeSpan At);

    private sealed class Client(HttpClient http, LabTenant tenant, Random random, (Operation Operation, int Weight)[] mix, ConcurrentBag<Answer> answers)
    {
        private readonly List<Guid> posts = [];
        private int sequence;

        private Stopwatch clock = null!;

        public async Task RunAsync(Stopwatch clock, TimeSpan until)
        {
            this.clock = clock;
            await Task.Delay(random.Next(1000));
            while (clock.Elapsed < until)
            {
                await StepAsync(Pick());
                await Task.Delay(500 + random.Next(1000));
            }
        }

        private Operation Pick()
        {
            var roll = random.Next(mix.Sum(m => m.Weight));
            foreach (var (operation, weight) in mix)
            {
                if ((roll -= weight) < 0)
                {
                    return operation is Operation.GetPost && posts.Count == 0 ? Operation.ListPosts : operation;
                }
            }
            throw new InvalidOperationException("unreachable");
        }

        private async Task StepAsync(Operation operation)
        {
            var text = $"load {tenant.TenantId:N} {Interlocked.Increment(ref sequence)} {Guid.NewGuid():N}";
            var now = DateTimeOffset.UtcNow;
            switch (operation)
            {
                case Operation.ListPosts:
                    await SendAsync(operation, HttpMethod.Get, "/api/v1/posts?page=1&pageSize=20");
                    break;
                case Operation.GetTenant:
                    await SendAsync(operation, HttpMethod.Get, "/api/v1/tenant");
                    break;
                case Operation.Calendar:
                    await SendAsync(operation, HttpMethod.Get, $"/api/v1/calendar?from={Uri.EscapeDataString(now.AddDays(-7).ToString("O"))}&to={Uri.EscapeDataString(now.AddDays(7).ToString("O"))}");
                    break;
                case Operation.GetPost:
                    await SendAsync(operation, HttpMethod.Get, $"/api/v1/posts/{posts[random.Next(posts.Count)]}");
                    break;
                case Operation.WriteDraft:
                    await CreateAsync(operation, text);
                    break;
                case Operation.Schedule:
                    if (await CreateAsync(operation, text) is { } id)
                    {
                        await SendAsync(operation, HttpMethod.Post, $"/api/v1/posts/{id}/schedule", new { scheduledAt = now.AddSeconds(10).ToString("O") });
                    }
                    break;
                case Operation.AiOffline:
                    await SendAsync(operation, HttpMethod.Post, "/api/v1/ai/hashtags", new { text, platforms = new[] { "x" }, count = 5 });
                    break;
                case Operation.AiSlow:
                    await SendAsync(operation, HttpMethod.Post, "/api/v1/ai/captions", new { prompt = text, platforms = new[] { "x" }, variants = 2 });
                    break;
            }
        }

        private async Task<Guid?> CreateAsync(Operation operation, string text)
        {
            var account = tenant.Accounts[random.Next(tenant.Accounts.Count)];
            var body = await SendAsync(operation, HttpMethod.Post, "/api/v1/posts",
                new { title = "load", content = text, type = "text", targets = new[] { new { accountId = account } } });
            if (body is { } created && created.TryGetProperty("id", out var id))
            {
                posts.Add(id.GetGuid());
                return id.GetGuid();
            }
            return null;
        }

        private async Task<JsonElement?> SendAsync(Operation operation, HttpMethod method, string path, object? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.AccessToken);
            var started = Stopwatch.GetTimestamp();
            var at = clock.Elapsed;
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                answers.Add(new Answer(operation, tenant.TenantId, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.Headers.RetryAfter is not null, at));
                return response.IsSuccessStatusCode && text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                answers.Add(new Answer(operation, tenant.TenantId, 0, Stopwatch.GetElapsedTime(started).TotalMilliseconds, false, at));
                return null;
            }
        }
    }
}
