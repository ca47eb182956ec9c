using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Analytics.Collection;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests;

/// <summary>
/// The daily collection of account numbers for one tenant: one snapshot per account and tenant day, a second run that stores
/// nothing twice, the tenant's time zone deciding the day, and refusals left as a readable reason on the account's status.
/// </summary>
public sealed class AccountSnapshotTests
{
    private readonly ScriptedMetrics platform = new();
    private AnalyticsApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = new AnalyticsApp(platform: platform);

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [SetUp]
    public void Reset()
    {
        platform.Accounts.Clear();
        platform.AccountAnswers.Clear();
        platform.AccountCalls.Clear();
    }

    [Test]
    public async Task Each_account_gets_one_snapshot_for_the_day_and_a_second_run_asks_and_stores_nothing_more()
    {
        var owner = await app.RegisterAsync();
        var x = Connected(SocialPlatform.X, new AccountMetrics(1200));
        var youTube = Connected(SocialPlatform.YouTube, new AccountMetrics(null));

        (await CollectAsync(owner.TenantId)).ShouldBe(2);
        (await CollectAsync(owner.TenantId)).ShouldBe(0);

        (await ScalarAsync(owner, "SELECT count(*) FROM analytics.account_snapshots")).ShouldBe(2L);
        (await ScalarAsync(owner, "SELECT followers FROM analytics.account_snapshots WHERE social_account_id = $1", x.Id)).ShouldBe(1200L);
        (await ScalarAsync(owner, "SELECT platform FROM analytics.account_snapshots WHERE social_account_id = $1", x.Id)).ShouldBe("X");
        // A hidden count is stored as unknown, not as zero.
        (await ScalarAsync(owner, "SELECT followers IS NULL FROM analytics.account_snapshots WHERE social_account_id = $1", youTube.Id)).ShouldBe(true);
        platform.AccountCalls[x.Id].ShouldBe(1);
        (await ScalarAsync(owner, "SELECT state FROM analytics.account_status WHERE social_account_id = $1", x.Id)).ShouldBe("Collecting");
    }

    [Test]
    public async Task A_second_store_on_the_same_day_replaces_the_first_ones_figures()
    {
        var owner = await app.RegisterAsync();
        var account = Guid.NewGuid();
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        var store = app.Services.GetRequiredService<SnapshotStore>();

        await store.StoreAccountAsync(AccountSnapshot.Of(owner.TenantId, account, SocialPlatform.X, day, new AccountMetrics(10), DateTimeOffset.UtcNow), CancellationToken.None);
        await store.StoreAccountAsync(AccountSnapshot.Of(owner.TenantId, account, SocialPlatform.X, day, new AccountMetrics(12), DateTimeOffset.UtcNow), CancellationToken.None);

        (await ScalarAsync(owner, "SELECT count(*) FROM analytics.account_snapshots WHERE social_account_id = $1", account)).ShouldBe(1L);
        (await ScalarAsync(owner, "SELECT followers FROM analytics.account_snapshots WHERE social_account_id = $1", account)).ShouldBe(12L);
    }

    [Test]
    public async Task The_snapshot_belongs_to_the_tenants_day_not_the_utc_day()
    {
        var owner = await app.RegisterAsync();
        // A zone whose date differs from UTC's right now: 14 hours ahead from 10:00 UTC on, 11 hours behind before.
        var zoneId = DateTime.UtcNow.Hour >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
        (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { settings = new { timeZone = zoneId } })).EnsureSuccessStatusCode();
        var account = Connected(SocialPlatform.Pinterest, new AccountMetrics(40));

        await CollectAsync(owner.TenantId);

        var tenantDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);
        var stored = (string)(await ScalarAsync(owner, "SELECT day::text FROM analytics.account_snapshots WHERE social_account_id = $1", account.Id))!;
        stored.ShouldBe(tenantDay.ToString("yyyy-MM-dd"));
        stored.ShouldNotBe(DateTime.UtcNow.ToString("yyyy-MM-dd"));
    }

    [Test]
    public async Task An_expired_token_or_a_missing_scope_leaves_its_reason_and_the_other_accounts_are_still_collected()
    {
        var owner = await app.RegisterAsync();
        var expired = Connected(SocialPlatform.Instagram,
            new PlatformException(SocialPlatform.Instagram, PlatformErrorKind.TokenExpired, "The token expired; reconnect the account."));
        var scope = Connected(SocialPlatform.TikTok,
            new PlatformException(SocialPlatform.TikTok, PlatformErrorKind.Permanent, "TikTok answered 401: scope_not_authorized user.info.stats"));
        var fine = Connected(SocialPlatform.X, new AccountMetrics(7));

        (await CollectAsync(owner.TenantId)).ShouldBe(1);

        (await ScalarAsync(owner, "SELECT refusal || ': ' || reason FROM analytics.account_status WHERE social_account_id = $1", expired.Id))
            .ShouldBe("TokenExpired: The token expired; reconnect the account.");
        (await ScalarAsync(owner, "SELECT state || ' ' || reason FROM analytics.account_status WHERE social_account_id = $1", scope.Id))
            .ShouldBe("Refused TikTok answered 401: scope_not_authorized user.info.stats");
        (await ScalarAsync(owner, "SELECT count(*) FROM analytics.account_snapshots WHERE social_account_id = ANY($1)", new[] { expired.Id, scope.Id })).ShouldBe(0L);
        (await ScalarAsync(owner, "SELECT followers FROM analytics.account_snapshots WHERE social_account_id = $1", fine.Id)).ShouldBe(7L);
    }

    [Test]
    public async Task A_rate_limit_fails_the_run_after_the_others_and_the_retry_asks_only_the_refused_account()
    {
        var owner = await app.RegisterAsync();
        var limited = Connected(SocialPlatform.X,
            new PlatformException(SocialPlatform.X, PlatformErrorKind.RateLimited, "Too many requests.", TimeSpan.FromMinutes(15)));
        var fine = Connected(SocialPlatform.Facebook, new AccountMetrics(300));

        (await Should.ThrowAsync<PlatformException>(() => CollectAsync(owner.TenantId))).Kind.ShouldBe(PlatformErrorKind.RateLimited);
        (await ScalarAsync(owner, "SELECT refusal FROM analytics.account_status WHERE social_account_id = $1", limited.Id)).ShouldBe("RateLimited");

        platform.AccountAnswers[limited.Id] = new AccountMetrics(55);
        (await CollectAsync(owner.TenantId)).ShouldBe(1);

        platform.AccountCalls[fine.Id].ShouldBe(1);
        platform.AccountCalls[limited.Id].ShouldBe(2);
        (await ScalarAsync(owner, "SELECT state FROM analytics.account_status WHERE social_account_id = $1", limited.Id)).ShouldBe("Collecting");
        (await ScalarAsync(owner, "SELECT count(*) FROM analytics.account_snapshots")).ShouldBe(2L);
    }

    [Test]
    public async Task A_platform_without_account_numbers_stores_nothing_and_leaves_no_status()
    {
        var owner = await app.RegisterAsync();
        var linkedIn = ScriptedMetrics.Account(SocialPlatform.LinkedIn);
        platform.Accounts.Add(linkedIn);

        (await CollectAsync(owner.TenantId)).ShouldBe(0);

        (await ScalarAsync(owner, "SELECT count(*) FROM analytics.account_snapshots")).ShouldBe(0L);
        (await ScalarAsync(owner, "SELECT count(*) FROM analytics.account_status WHERE social_account_id = $1", linkedIn.Id)).ShouldBe(0L);
    }

    private SocialAccountDto Connected(SocialPlatform on, object answer)
    {
        var account = ScriptedMetrics.Account(on);
        platform.Accounts.Add(account);
        platform.AccountAnswers[account.Id] = answer;
        return account;
    }

    /// <summary>Runs the tenant's job as Hangfire does: in a scope whose tenant is the job's argument.</summary>
    private async Task<int> CollectAsync(Guid tenantId)
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateTenantScope(tenantId);
        return await scope.ServiceProvider.GetRequiredService<AccountSnapshotJob>().CollectAsync(tenantId, CancellationToken.None);
    }

    private Task<object?> ScalarAsync(TestAccount owner, string sql, params object[] parameters) =>
        app.Database.ScalarAsTenantAsync(owner.TenantId, sql, parameters);
}
