using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Platform.Analytics.Collection;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Events;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.Analytics.Tests;

/// <summary>From a published target to stored snapshots: scheduling, idempotent fetches, and refusals that leave a reason.</summary>
public sealed class MetricCollectionTests
{
    private readonly ScriptedMetrics platform = new();
    private AnalyticsApp app = null!;
    private Guid tenantId;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new AnalyticsApp(new Dictionary<string, string?> { ["Analytics:TrackFor"] = "21.00:00:00" }, platform);
        tenantId = await app.CreateTenantAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [SetUp]
    public void Reset()
    {
        platform.Refusal = null;
        platform.Answer = new PostMetrics("1", Impressions: 100, Likes: 4, Comments: 1);
        platform.Calls = 0;
    }

    [Test]
    public async Task Publishing_schedules_one_fetch_per_slot_once_even_when_the_event_comes_twice()
    {
        var published = Published();

        await HandleAsync(published);
        await HandleAsync(published);

        // 1 h, 6 h, 24 h, 3 d, 7 d, 14 d, 21 d.
        var fetches = ScheduledFetchesOf(published.TargetId);
        fetches.Select(f => f.Slot).Order().ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        fetches.Single(f => f.Slot == 3).EnqueueAt.ShouldBe(published.OccurredAt.AddDays(3).UtcDateTime, TimeSpan.FromSeconds(1));
        (await ScalarAsync("SELECT platform FROM analytics.tracked_targets WHERE target_id = $1", published.TargetId)).ShouldBe("X");
    }

    [Test]
    public async Task A_fetch_stores_the_platforms_figures_and_a_second_run_of_the_slot_stores_nothing_more()
    {
        var published = Published();
        await HandleAsync(published);
        platform.Answer = new PostMetrics("1", Impressions: 250, Likes: 9, Reach: 180, Other: new Dictionary<string, long> { ["quotes"] = 2 });

        (await FetchAsync(published.TargetId, 2)).ShouldBeTrue();
        (await FetchAsync(published.TargetId, 2)).ShouldBeFalse();

        (await ScalarAsync("SELECT count(*) FROM analytics.metric_snapshots WHERE target_id = $1", published.TargetId)).ShouldBe(1L);
        (await ScalarAsync("SELECT impressions FROM analytics.metric_snapshots WHERE target_id = $1", published.TargetId)).ShouldBe(250L);
        (await ScalarAsync("SELECT reach FROM analytics.metric_snapshots WHERE target_id = $1", published.TargetId)).ShouldBe(180L);
        (await ScalarAsync("SELECT shares IS NULL FROM analytics.metric_snapshots WHERE target_id = $1", published.TargetId)).ShouldBe(true);
        (await ScalarAsync("SELECT (others->>'quotes')::int FROM analytics.metric_snapshots WHERE target_id = $1", published.TargetId)).ShouldBe(2);
        platform.Calls.ShouldBe(1);
        (await StateOf(published.SocialAccountId)).ShouldBe("Collecting");
    }

    [Test]
    public async Task Each_slot_keeps_its_own_snapshot()
    {
        var published = Published();
        await HandleAsync(published);

        await FetchAsync(published.TargetId, 0);
        await FetchAsync(published.TargetId, 1);

        (await ScalarAsync("SELECT count(*) FROM analytics.metric_snapshots WHERE target_id = $1", published.TargetId)).ShouldBe(2L);
    }

    [Test]
    public async Task An_expired_token_leaves_its_reason_on_the_account_and_no_snapshot()
    {
        var published = Published();
        await HandleAsync(published);
        platform.Refusal = new PlatformException(SocialPlatform.X, PlatformErrorKind.TokenExpired, "The access token expired.");

        (await FetchAsync(published.TargetId, 0)).ShouldBeFalse();

        (await StateOf(published.SocialAccountId)).ShouldBe("Refused");
        (await ScalarAsync("SELECT refusal || ': ' || reason FROM analytics.account_status WHERE social_account_id = $1", published.SocialAccountId))
            .ShouldBe("TokenExpired: The access token expired.");
        (await ScalarAsync("SELECT count(*) FROM analytics.metric_snapshots WHERE target_id = $1", published.TargetId)).ShouldBe(0L);
    }

    [Test]
    public async Task A_rate_limited_fetch_records_why_and_fails_so_that_it_is_tried_again_and_a_later_success_clears_the_reason()
    {
        var published = Published();
        await HandleAsync(published);
        platform.Refusal = new PlatformException(SocialPlatform.X, PlatformErrorKind.RateLimited, "Too many requests.", TimeSpan.FromMinutes(15));

        await Should.ThrowAsync<PlatformException>(() => FetchAsync(published.TargetId, 0));
        (await StateOf(published.SocialAccountId)).ShouldBe("Refused");

        platform.Refusal = null;
        (await FetchAsync(published.TargetId, 0)).ShouldBeTrue();
        (await StateOf(published.SocialAccountId)).ShouldBe("Collecting");
        (await ScalarAsync("SELECT reason IS NULL FROM analytics.account_status WHERE social_account_id = $1", published.SocialAccountId)).ShouldBe(true);
    }

    private PostTargetPublished Published() => new()
    {
        TenantId = tenantId,
        OccurredAt = DateTimeOffset.UtcNow,
        PostId = Guid.NewGuid(),
        TargetId = Guid.NewGuid(),
        SocialAccountId = Guid.NewGuid(),
        Platform = "x",
        PlatformPostId = "1850000000000000000",
        Attempts = 1,
    };

    private Task HandleAsync(PostTargetPublished published) =>
        app.Services.GetRequiredService<IServiceScopeFactory>().RunAsync(tenantId, async services =>
        {
            await services.GetServices<IIntegrationEventHandler<PostTargetPublished>>().OfType<ScheduleMetricFetches>().Single()
                .HandleAsync(published, CancellationToken.None);
            return true;
        }, CancellationToken.None);

    private async Task<bool> FetchAsync(Guid targetId, int slot)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MetricFetchJob>().FetchAsync(tenantId, targetId, slot, CancellationToken.None);
    }

    private List<(int Slot, DateTime EnqueueAt)> ScheduledFetchesOf(Guid targetId) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 10_000)
            .Select(job => job.Value)
            .Where(job => job.Job?.Method.Name == nameof(MetricFetchJob.FetchAsync) && Equals(job.Job.Args[1], targetId))
            .Select(job => ((int)job.Job.Args[2], job.EnqueueAt))
            .ToList();

    private Task<object?> StateOf(Guid accountId) =>
        ScalarAsync("SELECT state FROM analytics.account_status WHERE social_account_id = $1", accountId);

    private Task<object?> ScalarAsync(string sql, params object[] parameters) => app.Database.ScalarAsTenantAsync(tenantId, sql, parameters);
}
