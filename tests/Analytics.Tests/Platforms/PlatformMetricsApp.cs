using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Analytics.Collection;
using Platform.PlatformServers.Hosting;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Analytics.Tests.Platforms;

/// <summary>
/// The real host pointed at one platform's documented server (see <see cref="PlatformServerApp"/>): an owner connects an
/// account through our API (authorize URL, consent at the server, code exchange), and metrics are collected through the
/// real platform client.
/// </summary>
internal sealed class PlatformMetricsApp(SocialPlatform platform, PlatformServer server, IDictionary<string, string?>? extra = null)
    : PlatformServerApp(platform, server, extra)
{
    /// <summary>Connects a new account of the owner's tenant and returns its id.</summary>
    public async Task<Guid> ConnectAsync(TestAccount owner, SocialPlatform platform)
    {
        var authUrl = await owner.Client.GetAsync($"/api/v1/social-accounts/auth-url/{platform.Slug()}?redirectUri={Uri.EscapeDataString(RedirectUri)}");
        authUrl.StatusCode.ShouldBe(HttpStatusCode.OK, await authUrl.Content.ReadAsStringAsync());
        var issued = JsonDocument.Parse(await authUrl.Content.ReadAsStringAsync()).RootElement;
        var state = issued.GetProperty("state").GetString()!;
        var callback = await ConsentAsync(issued.GetProperty("authorizationUrl").GetString()!);
        var connect = await owner.Client.PostAsJsonAsync("/api/v1/social-accounts/connect",
            new { platform = platform.Slug(), code = callback["code"].ToString(), state, redirectUri = RedirectUri });
        var body = await connect.Content.ReadAsStringAsync();
        connect.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("accounts")[0].GetProperty("id").GetGuid();
    }

    /// <summary>Publishes through the real client, as the publishing worker does in the tenant's job scope.</summary>
    public Task<PublishedPost> PublishAsync(Guid tenantId, Guid accountId, PostContent content) =>
        InTenantScopeAsync(tenantId, services => services.GetRequiredService<ISocialAccounts>().PublishAsync(accountId, content, CancellationToken.None));

    /// <summary>Runs the scheduled fetch of one slot of a target, as its Hangfire job does in the tenant's scope.</summary>
    public Task<bool> FetchAsync(Guid tenantId, Guid targetId, int slot) =>
        InTenantScopeAsync(tenantId, services => services.GetRequiredService<MetricFetchJob>().FetchAsync(tenantId, targetId, slot, CancellationToken.None));

    /// <summary>Runs one tenant's daily collection of account numbers, as its Hangfire job does in the tenant's scope.</summary>
    public Task<int> CollectAccountsAsync(Guid tenantId) =>
        InTenantScopeAsync(tenantId, services => services.GetRequiredService<AccountSnapshotJob>().CollectAsync(tenantId, CancellationToken.None));

    /// <summary>
    /// Runs the daily sweep as its recurring job does, for no tenant, and answers the tenants of the collection jobs it queued
    /// (this host runs no Hangfire server, so they stay queued).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SweepAccountsAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountSnapshotJob>().SweepAsync(CancellationToken.None);
        }
        return Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10_000)
            .Select(job => job.Value.Job)
            .Where(job => job?.Method.Name == nameof(AccountSnapshotJob.CollectAsync))
            .Select(job => (Guid)job!.Args[0])
            .ToList();
    }

    /// <summary>The stored snapshot of a target's slot, as JSON of its columns.</summary>
    public async Task<JsonElement> SnapshotAsync(Guid tenantId, Guid targetId, int slot) =>
        JsonDocument.Parse((string)(await Database.ScalarAsTenantAsync(tenantId, """
            SELECT json_build_object('impressions', impressions, 'reach', reach, 'views', views, 'likes', likes, 'comments', comments,
                'shares', shares, 'saves', saves, 'clicks', clicks, 'others', others)::text
            FROM analytics.metric_snapshots WHERE target_id = $1 AND slot = $2
            """, targetId, slot))!).RootElement;

    /// <summary>The owner's overview report from yesterday to tomorrow (UTC days), as the API answers it.</summary>
    public static async Task<JsonElement> OverviewAsync(TestAccount owner)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var answer = await owner.Client.GetAsync($"/api/v1/analytics/overview?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        var body = await answer.Content.ReadAsStringAsync();
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The account's analytics status: state, refusal kind and reason.</summary>
    public async Task<JsonElement> StatusAsync(Guid tenantId, Guid accountId) =>
        JsonDocument.Parse((string)(await Database.ScalarAsTenantAsync(tenantId, """
            SELECT json_build_object('state', state, 'refusal', refusal, 'reason', reason)::text
            FROM analytics.account_status WHERE social_account_id = $1
            """, accountId))!).RootElement;
}
