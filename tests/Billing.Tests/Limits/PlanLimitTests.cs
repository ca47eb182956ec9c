using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Tenancy;

namespace Platform.Billing.Tests.Limits;

/// <summary>
/// Each limit of the plan refused at its boundary with the 402 problem and nothing changed, also when requests race for
/// the last slot; a downgrade keeps what the tenant has working; usage reported by GET /api/v1/billing.
/// </summary>
public sealed class PlanLimitTests
{
    private const int Racers = 8;
    private LimitsApp app = null!;

    [OneTimeSetUp]
    public async Task Start() => app = await LimitsApp.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task A_second_api_key_is_refused_402_and_none_is_stored()
    {
        var owner = await app.RegisterAsync();
        (await CreateKeyAsync(owner)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await CreateKeyAsync(owner)).ShouldBeRefusalAsync("apiKeys", "free", usage: 1, limitValue: 1);

        (await app.CountAsync(owner.TenantId, "SELECT count(*) FROM api_keys.keys")).ShouldBe(1L);
    }

    [Test]
    public async Task A_revoked_api_key_frees_its_slot()
    {
        var owner = await app.RegisterAsync();
        var first = await (await CreateKeyAsync(owner)).Content.ReadFromJsonAsync<JsonElement>();
        (await owner.Client.PostAsync($"/api/v1/api-keys/{first.GetProperty("id").GetGuid()}/revoke", null)).IsSuccessStatusCode.ShouldBeTrue();

        (await CreateKeyAsync(owner)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task Racing_invitations_for_the_last_seat_let_exactly_one_through()
    {
        var owner = await app.RegisterAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i =>
            owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email = $"invitee-{i}-{Guid.NewGuid():N}@example.com", role = "editor" })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await refused.ShouldBeRefusalAsync("seats", "free", usage: 2, limitValue: 2);
        }
        (await app.CountAsync(owner.TenantId, "SELECT count(*) FROM users.user_invitations")).ShouldBe(1L);
    }

    [Test]
    public async Task Adding_or_activating_a_user_past_the_seats_is_refused()
    {
        var owner = await app.RegisterAsync();
        var editor = await app.AddUserAsync(owner, "editor");
        (await owner.Client.PostAsync($"/api/v1/users/{editor.UserId}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email = $"late-{Guid.NewGuid():N}@example.com", role = "viewer" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await owner.Client.PostAsync($"/api/v1/users/{editor.UserId}/activate", null)).ShouldBeRefusalAsync("seats", "free", 2, 2);
        await (await owner.Client.PostAsJsonAsync("/api/v1/users", new { email = $"more-{Guid.NewGuid():N}@example.com", password = TestAccounts.Password, role = "viewer" }))
            .ShouldBeRefusalAsync("seats", "free", 2, 2);

        (await app.CountAsync(owner.TenantId, "SELECT count(*) FROM users.users WHERE is_active")).ShouldBe(1L);
    }

    [Test]
    public async Task Racing_connects_for_the_last_account_slot_let_exactly_one_through_and_a_reconnect_needs_none()
    {
        var owner = await app.RegisterAsync();
        var prefix = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await LimitsApp.ConnectedAsync(owner, prefix + "00");

        var answers = await Task.WhenAll(Enumerable.Range(1, Racers).Select(i => LimitsApp.ConnectAsync(owner, prefix + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeRefusalAsync("connectedAccounts", "free", usage: 2, limitValue: 2);
        }
        (await app.CountAsync(owner.TenantId, "SELECT count(*) FROM social_accounts.accounts")).ShouldBe(2L);
        (await LimitsApp.ConnectAsync(owner, prefix + "00")).StatusCode.ShouldBe(HttpStatusCode.OK, "connecting an account again takes no slot");
    }

    [Test]
    public async Task Racing_schedules_for_the_last_post_of_the_month_let_exactly_one_through()
    {
        var owner = await app.RegisterAsync();
        var account = await LimitsApp.ConnectedAsync(owner, NewXUser());
        var month = new DateTimeOffset(2031, 3, 10, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 2; i++)
        {
            (await LimitsApp.ScheduleAsync(owner, await LimitsApp.DraftAsync(owner, account), month.AddDays(i))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var drafts = new List<Guid>();
        for (var i = 0; i < Racers; i++)
        {
            drafts.Add(await LimitsApp.DraftAsync(owner, account));
        }

        var answers = await Task.WhenAll(drafts.Select(id => LimitsApp.ScheduleAsync(owner, id, month.AddDays(5))));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeRefusalAsync("postsPerMonth", "free", usage: 3, limitValue: 3);
        }
        (await app.CountAsync(owner.TenantId, "SELECT count(*) FROM posts.posts WHERE status = 'scheduled'")).ShouldBe(3L);
        (await app.CountAsync(owner.TenantId, "SELECT count(*) FROM posts.publish_queue q JOIN posts.post_targets t ON t.id = q.target_id")).ShouldBe(3L);
        var scheduled = drafts[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK)];
        (await LimitsApp.ScheduleAsync(owner, scheduled, month.AddDays(6))).StatusCode.ShouldBe(HttpStatusCode.OK, "rescheduling takes no new slot");
        (await LimitsApp.ScheduleAsync(owner, drafts.First(id => id != scheduled), month.AddMonths(1))).StatusCode.ShouldBe(HttpStatusCode.OK, "the next month has room");
    }

    [Test]
    public async Task A_bulk_schedule_is_checked_month_by_month_and_refused_whole_when_one_month_has_no_room()
    {
        var owner = await app.RegisterAsync();
        var account = await LimitsApp.ConnectedAsync(owner, NewXUser());
        var april = new DateTimeOffset(2031, 4, 10, 12, 0, 0, TimeSpan.Zero);
        var may = april.AddMonths(1);
        object Row(DateTimeOffset at) => new { title = "Bulk", content = "From the spreadsheet", type = "text", targets = new[] { new { accountId = account } }, scheduledAt = at.ToString("O") };

        (await owner.Client.PostAsJsonAsync("/api/v1/posts/bulk", new { posts = new[] { Row(april), Row(april.AddDays(1)), Row(may), Row(may.AddDays(1)) } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        // April has room for one more, May for one: two more in May are refused with May's own usage, and April's row goes nowhere either.
        await (await owner.Client.PostAsJsonAsync("/api/v1/posts/bulk", new { posts = new[] { Row(april.AddDays(2)), Row(may.AddDays(2)), Row(may.AddDays(3)) } }))
            .ShouldBeRefusalAsync("postsPerMonth", "free", usage: 2, limitValue: 3);
        (await app.CountAsync(owner.TenantId, "SELECT count(*) FROM posts.posts")).ShouldBe(4L);
        (await owner.Client.PostAsJsonAsync("/api/v1/posts/bulk", new { posts = new[] { Row(april.AddDays(2)), Row(may.AddDays(2)) } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Test]
    public async Task The_month_of_a_post_is_the_tenants_calendar_month()
    {
        var owner = await app.RegisterAsync();
        (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { settings = new { timeZone = "Pacific/Auckland", locale = "en-NZ" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var account = await LimitsApp.ConnectedAsync(owner, NewXUser());
        for (var day = 10; day < 13; day++)
        {
            (await LimitsApp.ScheduleAsync(owner, await LimitsApp.DraftAsync(owner, account), new DateTimeOffset(2031, 1, day, 0, 0, 0, TimeSpan.Zero)))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // 23:00 on 31 January in Auckland (UTC+13): still January there, which is full.
        await (await LimitsApp.ScheduleAsync(owner, await LimitsApp.DraftAsync(owner, account), new DateTimeOffset(2031, 1, 31, 10, 0, 0, TimeSpan.Zero)))
            .ShouldBeRefusalAsync("postsPerMonth", "free", 3, 3);
        // 01:00 on 1 February in Auckland, although still 31 January in UTC.
        (await LimitsApp.ScheduleAsync(owner, await LimitsApp.DraftAsync(owner, account), new DateTimeOffset(2031, 1, 31, 12, 0, 0, TimeSpan.Zero)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task After_a_downgrade_existing_accounts_keep_publishing_but_no_other_can_be_connected()
    {
        var owner = await app.RegisterAsync();
        await app.SetPlanAsync(owner.TenantId, "pro");
        var accounts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            accounts.Add(await LimitsApp.ConnectedAsync(owner, NewXUser()));
        }

        await app.SetPlanAsync(owner.TenantId, "free");

        var post = await LimitsApp.DraftAsync(owner, accounts[2]);
        (await owner.Client.PostAsync($"/api/v1/posts/{post}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await PublishedAsync(owner, post);
        await (await LimitsApp.ConnectAsync(owner, NewXUser())).ShouldBeRefusalAsync("connectedAccounts", "free", usage: 3, limitValue: 2);
        (await app.CountAsync(owner.TenantId, "SELECT count(*) FROM social_accounts.accounts")).ShouldBe(3L);
    }

    [Test]
    public async Task A_check_holds_the_limit_only_at_commit_and_counts_what_committed_meanwhile()
    {
        var owner = await app.RegisterAsync();
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateTenantScope(owner.TenantId);
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync();
        // Stands for a unit of work that has just written its own key: the count includes it, as it would its own row.
        await scope.ServiceProvider.GetRequiredService<IPlanLimitGuard>()
            .EnsureAsync(PlanLimit.ApiKeys, 1, new UsageQuery("SELECT count(*) + 1 FROM api_keys.keys"), CancellationToken.None);

        using var meanwhile = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        (await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Meanwhile", scopes = new[] { "posts:read" } }, meanwhile.Token))
            .StatusCode.ShouldBe(HttpStatusCode.Created, "the open unit of work holds no lock before its commit");

        var refusal = await Should.ThrowAsync<ProblemException>(() => session.CommitAsync());
        refusal.Status.ShouldBe(402);
        refusal.Extensions["usage"].ShouldBe(1m, "the key committed meanwhile is counted at commit");
    }

    [Test]
    public async Task The_billing_view_reports_usage_of_every_limit()
    {
        var owner = await app.RegisterAsync();
        var account = await LimitsApp.ConnectedAsync(owner, NewXUser());
        (await CreateKeyAsync(owner)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await owner.Client.PostAsJsonAsync("/api/v1/users/invitations", new { email = $"seat-{Guid.NewGuid():N}@example.com", role = "viewer" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var post = await LimitsApp.DraftAsync(owner, account);
        (await owner.Client.PostAsync($"/api/v1/posts/{post}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await LimitsApp.ScheduleAsync(owner, await LimitsApp.DraftAsync(owner, account), DateTimeOffset.UtcNow.AddYears(1)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var usage = (await BillingApp.BillingAsync(owner)).GetProperty("usage");

        usage.GetProperty("connectedAccounts").GetInt32().ShouldBe(1);
        usage.GetProperty("seats").GetInt32().ShouldBe(2);
        usage.GetProperty("postsThisMonth").GetInt32().ShouldBe(1, "the post scheduled next year counts then");
        usage.GetProperty("apiKeys").GetInt32().ShouldBe(1);
        usage.GetProperty("aiSpentUsdThisMonth").GetDecimal().ShouldBe(0m, "counted by the AI budget, nothing spent yet");
        usage.GetProperty("mediaStorageBytes").GetInt64().ShouldBe(0L, "counted by the media library, nothing stored yet");
    }

    private static Task<HttpResponseMessage> CreateKeyAsync(TestAccount owner) =>
        owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Integration", scopes = new[] { "posts:read" } });

    private static string NewXUser() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task PublishedAsync(TestAccount owner, Guid postId)
    {
        for (var i = 0; i < 200; i++)
        {
            var post = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/posts/{postId}");
            if (post.GetProperty("status").GetString() == "Published")
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"Post {postId} was not published.");
    }
}
