using Npgsql;
using Platform.TestKit;

namespace Platform.PublishLab;

/// <summary>
/// What every lab command shares: a fresh database and Redis prefix (so X's per-app limit starts empty), the fake X,
/// host processes configured alike, and the superuser view of the outcome.
/// </summary>
internal sealed class LabRun : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly List<HostProcess> hosts = [];

    private LabRun(TestDatabase database, FakeX x, Dictionary<string, string> environment, string logs)
    {
        Database = database;
        X = x;
        this.environment = environment;
        Logs = logs;
    }

    public TestDatabase Database { get; }
    public FakeX X { get; }
    public string Logs { get; }
    public IReadOnlyList<HostProcess> Hosts => hosts;
    /// <summary>Leave the database for inspection (attempts, workers) instead of dropping it.</summary>
    public static bool KeepDatabase { get; set; }

    public static async Task<LabRun> StartAsync(string label, IReadOnlyDictionary<string, string> publishing)
    {
        if (!File.Exists(HostProcess.HostDll))
        {
            throw new InvalidOperationException($"{HostProcess.HostDll} is missing: dotnet build src/Host/Host.csproj -c Release");
        }
        var database = new TestDatabase();
        var x = await FakeX.StartAsync();
        var logs = Path.Combine(Path.GetTempPath(), $"publishlab-{label}-{database.Name}");
        Directory.CreateDirectory(logs);
        var environment = new Dictionary<string, string>
        {
            // Room for every target in flight (Publishing:MaxConcurrency, 256) and the rest of the host; the cluster allows 300.
            ["ConnectionStrings__Platform"] = new NpgsqlConnectionStringBuilder(database.AppConnectionString) { MaxPoolSize = 264 }.ConnectionString,
            ["ConnectionStrings__Owner"] = database.OwnerConnectionString,
            ["ConnectionStrings__Admin"] = database.AdminConnectionString,
            ["ConnectionStrings__Redis"] = TestDatabase.RedisConnectionString,
            ["Redis__InstanceName"] = database.Name + ":",
            ["Jwt__AccessTokenMinutes"] = "1440",
            ["RateLimiting__PermitsPerMinute"] = "100000000",
            // Publishing does not use Hangfire; without its server a restart is cheaper.
            ["Hangfire__ServerEnabled"] = "false",
            ["SocialAccounts__HttpTimeoutSeconds"] = "10",
            // One fake X app publishes for every tenant of the lab: its real 10,000 posts/24 h app cap would end a 10,000 burst.
            ["Platforms__X__Limits__PublishPerApp__Limit"] = "0",
            // The lab's tenants are on the free plan and schedule thousands of posts: the lab measures publishing, not plans.
            ["Billing__Plans__free__ConnectedAccounts"] = "1000",
            ["Billing__Plans__free__Seats"] = "1000",
            ["Billing__Plans__free__PostsPerMonth"] = "100000000",
            ["Billing__Plans__free__AiBudgetUsdPerMonth"] = "1000000",
            ["Billing__Plans__free__ApiKeys"] = "1000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_TieredPGO"] = "0",
        };
        foreach (var (key, value) in GeneratedKeys.EnvironmentVariables().Concat(x.HostSettings()).Concat(publishing))
        {
            environment[key] = value;
        }
        return new LabRun(database, x, environment, logs);
    }

    /// <summary>The app role's pool of the hosts added from now on (the lab's default leaves room for 256 targets in flight).</summary>
    public void SetAppPoolSize(int size) =>
        environment["ConnectionStrings__Platform"] = new NpgsqlConnectionStringBuilder(Database.AppConnectionString) { MaxPoolSize = size }.ConnectionString;

    /// <summary>Adds a host; the first one created migrates the fresh database, later ones skip that (cheaper restarts).</summary>
    public HostProcess AddHost(int port)
    {
        var settings = new Dictionary<string, string>(environment) { ["Migrations__ApplyOnStartup"] = hosts.Count == 0 ? "true" : "false" };
        var host = new HostProcess($"host{hosts.Count + 1}", port, settings, Logs);
        hosts.Add(host);
        return host;
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = Database.OpenSuperuser();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    /// <summary>Targets not settled yet: waiting, in flight, or queued for another attempt.</summary>
    public async Task<long> UnsettledAsync() => (await QueryAsync("""
        SELECT count(*) FROM posts.post_targets t
        WHERE t.status IN ('pending', 'publishing') OR EXISTS (SELECT 1 FROM posts.publish_queue q WHERE q.target_id = t.id)
        """, r => r.GetInt64(0)))[0];

    /// <summary>Every target's final state, its text as sent and its first attempt's times.</summary>
    public Task<List<TargetOutcome>> OutcomesAsync() => QueryAsync("""
        SELECT t.id, coalesce(t.custom_content, p.content), t.status, t.error_kind, t.platform_post_id,
               EXISTS (SELECT 1 FROM posts.publish_queue q WHERE q.target_id = t.id), t.retry_count,
               (SELECT min(started_at) FROM posts.target_attempts a WHERE a.target_id = t.id),
               (SELECT max(finished_at) FROM posts.target_attempts a WHERE a.target_id = t.id), t.published_at
        FROM posts.post_targets t JOIN posts.posts p ON p.id = t.post_id
        """, r => new TargetOutcome(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
            r.IsDBNull(4) ? null : r.GetString(4), r.GetBoolean(5), r.GetInt32(6),
            r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
            r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9)));

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            host.Kill();
        }
        await X.DisposeAsync();
        if (KeepDatabase)
        {
            Console.WriteLine($"kept database {Database.Name}");
            return;
        }
        await Database.DropAsync();
    }
}
