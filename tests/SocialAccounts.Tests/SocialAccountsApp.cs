using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Tokens;
using Platform.TestKit;
using Platform.Users.Contracts;

namespace Platform.SocialAccounts.Tests;

/// <summary>
/// The real host on a fresh database, every platform pointed at one local <see cref="FakePlatform"/>, a controllable
/// clock, and a token gate that honours every well-signed token, so a test can act as any user of any tenant without registering one.
/// </summary>
internal sealed class SocialAccountsApp(FakePlatform fake, IDictionary<string, string?>? extra = null)
    : PlatformApp(Settings(fake, extra))
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Every log line the host wrote, at every level, so tests can prove no secret is logged.</summary>
    public CapturedLogs Logs { get; } = new();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string TokenPath(SocialPlatform platform) => platform switch
    {
        SocialPlatform.X => "/2/oauth2/token",
        SocialPlatform.LinkedIn => "/oauth/v2/accessToken",
        SocialPlatform.Facebook or SocialPlatform.Instagram => "/v25.0/oauth/access_token",
        SocialPlatform.Threads => "/oauth/access_token",
        SocialPlatform.TikTok => "/v2/oauth/token/",
        SocialPlatform.YouTube => "/token",
        SocialPlatform.Pinterest => "/v5/oauth/token",
        SocialPlatform.Reddit => "/api/v1/access_token",
        _ => throw new ArgumentOutOfRangeException(nameof(platform)),
    };

    private static Dictionary<string, string?> Settings(FakePlatform fake, IDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hangfire:ServerEnabled"] = "false",
        };
        foreach (var platform in SocialPlatforms.All)
        {
            var section = $"Platforms:{platform}:";
            var slug = platform.Slug();
            settings[section + "AuthorizeUrl"] = $"{fake.Url}/oauth/authorize/{slug}";
            settings[section + "TokenUrl"] = fake.Url + TokenPath(platform);
            settings[section + "ApiBaseUrl"] = platform is SocialPlatform.Facebook or SocialPlatform.Instagram ? fake.Url + "/v25.0" : fake.Url;
            settings[section + "ClientId"] = $"{slug}-client-id";
            settings[section + "ClientSecret"] = $"{slug}-client-secret";
            settings[section + "PollIntervalSeconds"] = "0";
        }
        settings["Platforms:X:RevokeUrl"] = fake.Url + "/2/oauth2/revoke";
        settings["Platforms:Instagram:RefreshUrl"] = fake.Url + "/refresh_access_token";
        settings["Platforms:YouTube:RevokeUrl"] = fake.Url + "/revoke";
        settings["Platforms:Reddit:RevokeUrl"] = fake.Url + "/api/v1/revoke_token";
        settings["Platforms:Reddit:Username"] = "bakery_scheduler";
        settings["Platforms:TikTok:RevokeUrl"] = fake.Url + "/v2/oauth/revoke/";
        settings["Platforms:TikTok:VerifiedUrlPrefixes"] = fake.Url + "/media/verified/";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IAccessTokenGate, AcceptEveryToken>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        });
    }

    public HttpClient ClientFor(Guid tenantId, Guid userId, TenantRole role = TenantRole.Editor) =>
        CreateClient(TestTokens.Mint(Services.GetRequiredService<IConfiguration>(), userId, tenantId, role));

    /// <summary>Runs <paramref name="work"/> in a unit of work of <paramref name="tenantId"/>, as a job would, and commits.</summary>
    public async Task<T> InTenantAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync();
        var result = await work(scope.ServiceProvider);
        await session.CommitAsync();
        return result;
    }

    /// <summary>Runs <paramref name="work"/> in a job-like scope of <paramref name="tenantId"/> that manages its own unit of work.</summary>
    public async Task<T> AsJobAsync<T>(Guid tenantId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs SQL as the app role inside <paramref name="tenantId"/>, as the application would.</summary>
    public async Task<int> ExecuteAsTenantAsync(Guid tenantId, string sql) => (int)(await RunAsTenantAsync(tenantId, sql, scalar: false))!;

    public async Task<long> CountAsTenantAsync(Guid tenantId, string sql) => (long)(await RunAsTenantAsync(tenantId, sql, scalar: true))!;

    private async Task<object?> RunAsTenantAsync(Guid tenantId, string sql, bool scalar)
    {
        await using var connection = Database.OpenApp();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var setTenant = new Npgsql.NpgsqlCommand($"SELECT set_config('{DbSession.TenantSetting}', '{tenantId}', true)", connection, transaction))
        {
            await setTenant.ExecuteNonQueryAsync();
        }
        await using var command = new Npgsql.NpgsqlCommand(sql, connection, transaction);
        var result = scalar ? await command.ExecuteScalarAsync() : await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return result;
    }

    /// <summary>Stores an account with the given tokens as connect would.</summary>
    public Task<Guid> SeedAccountAsync(Guid tenantId, SocialPlatform platform, string externalId, TokenSet tokens,
        string? handle = null, IReadOnlyDictionary<string, string>? metadata = null) =>
        InTenantAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<SocialAccountsDbContext>();
            var now = Clock.GetUtcNow();
            var account = new SocialAccount
            {
                Id = Guid.NewGuid(), TenantId = tenantId, Platform = platform, ExternalId = externalId, DisplayName = externalId,
                Handle = handle, Metadata = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>()),
                ConnectedBy = Guid.NewGuid(), CreatedAt = now,
            };
            services.GetRequiredService<AccountTokens>().Store(account, tokens, now);
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        });

    public async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    private sealed class AcceptEveryToken : IAccessTokenGate
    {
        public ValueTask<bool> IsCurrentAsync(Guid userId, Guid tenantId, int tokenVersion, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask<bool> IsActiveAsync(Guid userId, Guid tenantId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }
}

internal sealed class CapturedLogs : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
