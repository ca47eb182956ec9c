using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Analytics.Refresh;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests;

/// <summary>POST /api/v1/analytics/refresh: editors ask for a fetch now, once per cooldown, and a repeated job stores nothing twice.</summary>
public sealed class RefreshTests
{
    private readonly ScriptedMetrics platform = new();
    private AnalyticsApp app = null!;

    [OneTimeSetUp]
    public void Start() => app = new AnalyticsApp(new Dictionary<string, string?> { ["Analytics:RefreshCooldown"] = "00:10:00" }, platform);

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task An_editor_gets_every_tracked_target_fetched_now_and_a_second_run_of_the_job_fetches_nothing_again()
    {
        var owner = await app.RegisterAsync();
        var editor = await app.AddUserAsync(owner, "editor");
        var recent = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddDays(-2));
        var alsoRecent = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddHours(-3), platform: "LinkedIn");
        var tooOld = await app.Database.TargetAsync(owner.TenantId, DateTimeOffset.UtcNow.AddDays(-40));

        var response = await editor.Client.PostAsync("/api/v1/analytics/refresh", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var refreshId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshId").GetGuid();
        await Eventually.WaitForAsync(() => CountAsync(owner.TenantId, "refresh_id = $1", refreshId), count => count == 2);
        (await CountAsync(owner.TenantId, "target_id = $1", tooOld)).ShouldBe(0L);
        (await CountAsync(owner.TenantId, "target_id = $1 AND likes = 4", recent)).ShouldBe(1L);
        (await CountAsync(owner.TenantId, "target_id = $1", alsoRecent)).ShouldBe(1L);
        var calls = platform.Calls;

        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<MetricRefreshJob>().RefreshAsync(owner.TenantId, refreshId, CancellationToken.None)).ShouldBe(0);

        platform.Calls.ShouldBe(calls);
        (await CountAsync(owner.TenantId, "refresh_id = $1", refreshId)).ShouldBe(2L);
    }

    [Test]
    public async Task A_refresh_also_counts_the_followers_of_accounts_not_counted_today()
    {
        var owner = await app.RegisterAsync();
        var account = ScriptedMetrics.Account(SocialAccounts.Contracts.SocialPlatform.X);
        platform.Accounts.Add(account);
        platform.AccountAnswers[account.Id] = new SocialAccounts.Contracts.AccountMetrics(1204);

        (await owner.Client.PostAsync("/api/v1/analytics/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await Eventually.WaitForAsync(
            () => app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT followers FROM analytics.account_snapshots WHERE social_account_id = $1", account.Id),
            followers => followers is 1204L);
    }

    [Test]
    public async Task A_second_refresh_within_the_cooldown_is_refused_with_retry_after_and_changes_nothing()
    {
        var owner = await app.RegisterAsync();
        (await owner.Client.PostAsync("/api/v1/analytics/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var first = await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT refresh_id FROM analytics.refreshes");

        var again = await owner.Client.PostAsync("/api/v1/analytics/refresh", null);

        again.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = again.Headers.RetryAfter?.Delta;
        retryAfter.ShouldNotBeNull();
        retryAfter.Value.ShouldBeInRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().ShouldBe("https://www.rfc-editor.org/rfc/rfc6585#section-4");
        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT refresh_id FROM analytics.refreshes")).ShouldBe(first);
    }

    [Test]
    public async Task The_cooldown_is_per_tenant()
    {
        var one = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        (await one.Client.PostAsync("/api/v1/analytics/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        (await other.Client.PostAsync("/api/v1/analytics/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Test]
    public async Task A_viewer_may_not_refresh()
    {
        var owner = await app.RegisterAsync();
        var viewer = await app.AddUserAsync(owner, "viewer");

        (await viewer.Client.PostAsync("/api/v1/analytics/refresh", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM analytics.refreshes")).ShouldBe(0L);
    }

    private async Task<long> CountAsync(Guid tenantId, string where, params object[] values) =>
        (long)(await app.Database.ScalarAsTenantAsync(tenantId, $"SELECT count(*) FROM analytics.metric_snapshots WHERE {where}", values))!;
}
