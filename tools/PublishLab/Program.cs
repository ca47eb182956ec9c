using System.Globalization;
using Platform.PublishLab;

// Local only: the hosts, the fake X and the services all listen on 127.0.0.1.
var command = args.FirstOrDefault();
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p[0][2..], p => p[1], StringComparer.OrdinalIgnoreCase);
int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

LabRun.KeepDatabase = options.ContainsKey("keep-database");

switch (command)
{
    case "reliability":
        var platform = options.GetValueOrDefault("platform", "all");
        var platforms = platform.Equals("all", StringComparison.OrdinalIgnoreCase) ? LabPlatform.Names : platform.Split(',', StringSplitOptions.TrimEntries);
        return (await ReliabilityCommand.RunAsync(Int("trials", 1000), Int("posts-per-trial", 3), Int("seed", Environment.TickCount), platforms)).ExitCode;
    case "throughput":
        return await ThroughputCommand.RunAsync(options.GetValueOrDefault("mode", "burst"), Int("n", 10_000), Int("tenants", 50), Int("accounts", 4),
            Int("rate", 100), Int("seconds", 30));
    case "bare":
        return await BareCommand.RunAsync(options.GetValueOrDefault("url", "http://127.0.0.1:5092"), options["connection"]);
    case "load":
        return await LoadCommand.RunAsync(Int("clients", 500), Int("seconds", 60), Int("warmup", 60), Int("tenants", 50), Int("pool", 64), Int("ai-delay-ms", 2000),
            options.GetValueOrDefault("only"));
    case "webhooks":
        return await WebhookFanOutCommand.RunAsync(Int("rate", 100), Int("seconds", 30), Int("subscriptions", 10), Int("slow-ms", 5000));
    case "notify-stream":
        return await StreamCommand.RunAsync(Int("clients", 1000), Int("tenants", 10), Int("rate", 20), Int("seconds", 30), Int("warmup", 15));
    default:
        Console.Error.WriteLine("""
            usage: Platform.PublishLab reliability [--trials 1000] [--posts-per-trial 3] [--platform all|X|Facebook|LinkedIn|Threads|Reddit|Instagram|TikTok|YouTube|Pinterest[,...]] [--seed S] [--keep-database yes]
                   Platform.PublishLab throughput [--mode burst|steady] [--n 10000] [--tenants 50] [--accounts 4] [--rate 100] [--seconds 30]
                   Platform.PublishLab bare --connection CONNECTION-STRING [--url http://127.0.0.1:5092]
                   Platform.PublishLab load [--clients 500] [--seconds 60] [--warmup 60] [--tenants 50] [--pool 64] [--ai-delay-ms 2000] [--only GetTenant|ListPosts|Calendar|GetPost|WriteDraft|Schedule|AiOffline|AiSlow]
                   Platform.PublishLab webhooks [--rate 100] [--seconds 30] [--subscriptions 10] [--slow-ms 5000]
                   Platform.PublishLab notify-stream [--clients 1000] [--tenants 10] [--rate 20] [--seconds 30] [--warmup 15]
            """);
        return 2;
}
