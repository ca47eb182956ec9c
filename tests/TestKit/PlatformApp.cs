using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.TestKit;

/// <summary>
/// The real host in process, against its own fresh database and the real Redis. Migrations run at start-up
/// exactly as in production; settings can be overridden per fixture.
/// </summary>
public class PlatformApp(IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = new();

    /// <summary>Replaces services at a boundary of the host (DNS, say) before it starts.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The app role's <c>Maximum Pool Size</c>, when a test needs a small pool.</summary>
    public int? MaxPoolSize { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Platform"] = Database.AppConnectionString,
            ["ConnectionStrings:Owner"] = Database.OwnerConnectionString,
            ["ConnectionStrings:Admin"] = Database.AdminConnectionString,
            ["ConnectionStrings:Redis"] = TestDatabase.RedisConnectionString,
            ["Redis:InstanceName"] = Database.Name + ":",
            ["RateLimiting:PermitsPerMinute"] = "100000",
            ["Hangfire:WorkerCount"] = "2",
            // Tests check what a request does, not how quickly a saturated test machine admits it: a request waits up to
            // 10 s for a connection instead of 1 s. The tests of admission itself set their own wait.
            ["Database:Requests:WaitMilliseconds"] = "10000",
        };
        // Outside Development the host needs keys of its own, the same for every host on one database. A fixture that
        // brings its own encryption keys gets none generated, so the current key it chose stays current.
        var ownEncryptionKeys = settings?.Keys.Any(IsEncryptionSetting) == true;
        var database = new Npgsql.NpgsqlConnectionStringBuilder(
            settings?.TryGetValue("ConnectionStrings:Platform", out var shared) == true ? shared : Database.AppConnectionString).Database!;
        foreach (var (key, value) in GeneratedKeys.ForDatabase(database).Where(s => !(ownEncryptionKeys && IsEncryptionSetting(s.Key))))
        {
            values[key] = value;
        }
        // Tests of other behaviour are not held back by the free plan's limits; a fixture sets the limits it tests.
        foreach (var (key, value) in RoomyFreePlan)
        {
            values[key] = value;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        if (MaxPoolSize is { } size)
        {
            values["ConnectionStrings:Platform"] = new Npgsql.NpgsqlConnectionStringBuilder(values["ConnectionStrings:Platform"]) { MaxPoolSize = size }.ConnectionString;
        }
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(values));
        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }
    }

    private static readonly Dictionary<string, string?> RoomyFreePlan = new()
    {
        ["Billing:Plans:free:ConnectedAccounts"] = "1000",
        ["Billing:Plans:free:Seats"] = "1000",
        ["Billing:Plans:free:PostsPerMonth"] = "1000000",
        ["Billing:Plans:free:AiBudgetUsdPerMonth"] = "1000000",
        ["Billing:Plans:free:MediaStorageBytes"] = (1L << 40).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Billing:Plans:free:ApiKeys"] = "1000",
    };

    private static bool IsEncryptionSetting(string key) => key.StartsWith("SocialAccounts:Encryption:", StringComparison.OrdinalIgnoreCase);

    public HttpClient CreateClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DropAsync();
        GC.SuppressFinalize(this);
    }
}
