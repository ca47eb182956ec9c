using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Tokens;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>Refresh on use, the refresh sweep across tenants, collapsing concurrent refreshes, and tampered tokens.</summary>
public sealed class TokenLifecycleTests
{
    private FakePlatform fake = null!;
    private SocialAccountsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        fake = await FakePlatform.StartAsync();
        app = new SocialAccountsApp(fake);
        _ = app.Services;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await fake.DisposeAsync();
    }

    [SetUp]
    public void ResetFake() => fake.Reset();

    [Test]
    public async Task Publishing_with_a_token_about_to_expire_refreshes_it_first_and_stores_the_rotated_tokens()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("old-access", "old-refresh", minutes: 5));
        ScriptXRefresh();
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"9","text":"hi"}}""", 201));

        await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None));

        fake.Single("POST", "/2/oauth2/token").Form()["refresh_token"].ShouldBe("old-refresh");
        fake.Single("POST", "/2/tweets").Header("Authorization").ShouldBe("Bearer new-access");
        var account = await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().FindAsync(id, CancellationToken.None));
        account!.TokenExpiresAt!.Value.ShouldBe(app.Clock.GetUtcNow().AddSeconds(7200), TimeSpan.FromSeconds(5));
        account.LastRefreshedAt.ShouldNotBeNull();
        account.LastSyncAt.ShouldNotBeNull();
        (await CredentialsAsync(tenant, id)).RefreshToken.ShouldBe("new-refresh");
    }

    [Test]
    public async Task A_refresh_whose_request_has_left_is_stored_even_when_the_caller_stops_waiting()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "impatient", Tokens("old-access", "old-refresh", minutes: 5));
        ScriptXRefresh(delay: TimeSpan.FromMilliseconds(800));
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"9","text":"hi"}}""", 201));
        using var impatient = new CancellationTokenSource();

        var publishing = app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), impatient.Token));
        // The caller gives up while the platform holds the refresh's answer.
        while (fake.To("POST", "/2/oauth2/token").Count == 0 && !publishing.IsCompleted)
        {
            await Task.Delay(10);
        }
        await impatient.CancelAsync();
        Exception? thrown = null;
        try
        {
            await publishing;
        }
        catch (Exception exception)
        {
            thrown = exception;
        }

        thrown.ShouldBeAssignableTo<OperationCanceledException>();
        fake.To("POST", "/2/tweets").ShouldBeEmpty();
        // X has rotated the refresh token: had the answer been abandoned, the account could never refresh again.
        (await CredentialsAsync(tenant, id)).RefreshToken.ShouldBe("new-refresh");
    }

    [TestCase(1)]
    [TestCase(4)]
    public async Task Calls_refused_with_an_expired_token_refresh_it_once_and_are_retried_once(int concurrentCalls)
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("old-access", "old-refresh", minutes: 60));
        ScriptXRefresh(delay: TimeSpan.FromMilliseconds(300));
        ScriptXTweetsRefusingAllButNewTokens();

        var posts = await Task.WhenAll(Enumerable.Range(0, concurrentCalls).Select(_ => app.InTenantAsync(tenant, s =>
            s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None))));

        posts.ShouldAllBe(post => post.PlatformPostId == "9");
        fake.To("POST", "/2/oauth2/token").Count.ShouldBe(1);
        // The first call is refused and sent again; each other at most so (it may read the refreshed tokens at once).
        fake.To("POST", "/2/tweets").Count.ShouldBeInRange(concurrentCalls + 1, 2 * concurrentCalls);
    }

    [Test]
    public async Task Last_sync_is_written_at_most_once_a_minute()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("access", "refresh", minutes: 600));
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"9","text":"hi"}}""", 201));
        async Task<DateTimeOffset?> PublishThenReadLastSyncAsync()
        {
            await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None));
            return (await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().FindAsync(id, CancellationToken.None)))!.LastSyncAt;
        }

        var first = await PublishThenReadLastSyncAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var soon = await PublishThenReadLastSyncAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await PublishThenReadLastSyncAsync();

        first.ShouldNotBeNull();
        soon.ShouldBe(first);
        later!.Value.ShouldBe(first!.Value.AddSeconds(61), TimeSpan.FromMilliseconds(1));
    }

    [Test]
    public async Task Concurrent_refreshes_of_one_account_collapse_into_one_platform_call()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("old-access", "old-refresh", minutes: 5));
        ScriptXRefresh(delay: TimeSpan.FromMilliseconds(300));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.AsJobAsync(tenant, s =>
            s.GetRequiredService<TokenRefresh>().RefreshAsync(id, (tokens, account) => tokens.NeedsRefresh(account, AccountTokens.RefreshMargin),
                refusal: null, waitForOthers: true, CancellationToken.None))));

        results.Count(result => result == RefreshResult.Refreshed).ShouldBe(1);
        fake.To("POST", "/2/oauth2/token").Count.ShouldBe(1);
        (await CredentialsAsync(tenant, id)).AccessToken.ShouldBe("new-access");
    }

    [Test]
    public async Task Platform_calls_need_a_tenant_but_no_unit_of_work_of_the_callers()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("access", "refresh", minutes: 600));
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"9","text":"hi"}}""", 201));
        fake.On("GET", "/2/users/42/tweets", FakeResponse.Json("""{"data":[{"id":"9","text":"hi","created_at":"2026-11-20T10:00:00.000Z"}],"meta":{"result_count":1}}"""));

        var post = await app.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None));
        var recent = await app.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().ListRecentPostsAsync(id, 5, CancellationToken.None));

        post.PlatformPostId.ShouldBe("9");
        recent.ShouldHaveSingleItem().PlatformPostId.ShouldBe("9");
        (await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().FindAsync(id, CancellationToken.None)))!.LastSyncAt.ShouldNotBeNull();
    }

    [Test]
    public async Task A_refresh_the_platform_refuses_marks_the_account_revoked_with_the_reason_visible_in_the_api()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("old-access", "old-refresh", minutes: 5));
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"error":"invalid_grant","error_description":"Token was revoked"}""", 400));

        var error = await Should.ThrowAsync<PlatformException>(() =>
            app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None)));
        error.Kind.ShouldBe(PlatformErrorKind.TokenRevoked);
        // The caller's unit of work above rolled back with the exception; the gateway's own committed the mark.

        using var client = app.ClientFor(tenant, Guid.NewGuid(), Platform.SharedKernel.Security.TenantRole.Viewer);
        var account = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/social-accounts/{id}")).RootElement;
        account.GetProperty("status").GetString().ShouldBe("Revoked");
        account.GetProperty("statusReason").GetString()!.ShouldContain("invalid_grant");
        fake.To("POST", "/2/tweets").ShouldBeEmpty();
    }

    [Test]
    public async Task A_token_that_expired_without_refresh_is_marked_expired()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.LinkedIn, "li-1", Tokens("li-access", null, minutes: -1));

        await app.AsJobAsync(tenant, s => s.GetRequiredService<TokenRefreshJobs>().RefreshTenantAsync(tenant, CancellationToken.None));

        var account = await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().FindAsync(id, CancellationToken.None));
        account!.Status.ShouldBe(AccountStatus.Expired);
        fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task The_sweep_finds_every_tenant_with_expiring_tokens_through_the_definer_function_and_refreshes_them_per_tenant()
    {
        var tenantA = Guid.NewGuid();
        var tenantB = Guid.NewGuid();
        var fresh = Guid.NewGuid();
        var a = await app.SeedAccountAsync(tenantA, SocialPlatform.X, "a", Tokens("a-access", "a-refresh", minutes: 30));
        var b = await app.SeedAccountAsync(tenantB, SocialPlatform.X, "b", Tokens("b-access", "b-refresh", minutes: 30));
        await app.SeedAccountAsync(fresh, SocialPlatform.X, "c", Tokens("c-access", "c-refresh", minutes: 600));
        ScriptXRefresh();

        IReadOnlyList<Guid> tenants;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<TokenRefreshJobs>().TenantsWithExpiringTokensAsync(CancellationToken.None);
        }
        tenants.ShouldContain(tenantA);
        tenants.ShouldContain(tenantB);
        tenants.ShouldNotContain(fresh);

        foreach (var tenant in new[] { tenantA, tenantB })
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Platform.SharedKernel.Tenancy.TenantContext>().Set(tenant);
            (await scope.ServiceProvider.GetRequiredService<TokenRefreshJobs>().RefreshTenantAsync(tenant, CancellationToken.None)).ShouldBe(1);
        }
        (await CredentialsAsync(tenantA, a)).AccessToken.ShouldBe("new-access");
        (await CredentialsAsync(tenantB, b)).AccessToken.ShouldBe("new-access");
    }

    [Test]
    public async Task The_app_role_cannot_read_accounts_across_tenants_even_though_the_sweep_function_can_list_tenants()
    {
        var tenant = Guid.NewGuid();
        await app.SeedAccountAsync(tenant, SocialPlatform.X, "x", Tokens("t", "r", minutes: 5));
        await using var connection = app.Database.OpenApp();
        await using var rows = new NpgsqlCommand("SELECT count(*) FROM social_accounts.accounts", connection);
        ((long)(await rows.ExecuteScalarAsync())!).ShouldBe(0);
        await using var function = new NpgsqlCommand("SELECT count(*) FROM social_accounts.tenants_with_expiring_tokens(now() + interval '1 day')", connection);
        ((long)(await function.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Tampered_ciphertext_fails_loudly_and_marks_the_account_for_reconnection()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("access", "refresh", minutes: 600));
        (await app.ExecuteAsTenantAsync(tenant,
            $"UPDATE social_accounts.accounts SET access_token_cipher = overlay(access_token_cipher placing (CASE WHEN substr(access_token_cipher, 20, 1) = 'A' THEN 'B' ELSE 'A' END) from 20 for 1) WHERE id = '{id}'")).ShouldBe(1);

        var error = await Should.ThrowAsync<PlatformException>(() => app.InTenantAsync(tenant, async s =>
        {
            try
            {
                return await s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None);
            }
            finally
            {
                await s.GetRequiredService<Platform.SharedKernel.Data.DbSession>().CommitAsync();
            }
        }));

        error.PlatformCode.ShouldBe("tampered");
        fake.Requests.ShouldBeEmpty();
        var account = await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().FindAsync(id, CancellationToken.None));
        account!.Status.ShouldBe(AccountStatus.NeedsReconnect);
    }

    [Test]
    public void The_recurring_sweep_is_registered_with_hangfire_at_start_up()
    {
        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();

        var job = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Single(j => j.Id == TokenRefreshJobs.RecurringJobId);

        job.Cron.ShouldBe("*/15 * * * *");
        job.Job.Method.Name.ShouldBe(nameof(TokenRefreshJobs.SweepAsync));
    }

    [Test]
    public void The_recurring_sweep_is_registered_as_a_cross_tenant_job()
    {
        var method = typeof(TokenRefreshJobs).GetMethod(nameof(TokenRefreshJobs.SweepAsync))!;
        Platform.SharedKernel.Jobs.TenantJobArguments.IsCrossTenant(method).ShouldBeTrue();
        Platform.SharedKernel.Jobs.TenantJobArguments.DeclaresTenant(typeof(TokenRefreshJobs).GetMethod(nameof(TokenRefreshJobs.RefreshTenantAsync))!).ShouldBeTrue();
    }

    private TokenSet Tokens(string access, string? refresh, int minutes) =>
        new(access, refresh, app.Clock.GetUtcNow().AddMinutes(minutes), "tweet.read");

    private void ScriptXRefresh(TimeSpan? delay = null) =>
        fake.On("POST", "/2/oauth2/token", new FakeResponse(200,
            """{"token_type":"bearer","expires_in":7200,"access_token":"new-access","refresh_token":"new-refresh"}""", Delay: delay));

    private void ScriptXTweetsRefusingAllButNewTokens() =>
        fake.On("POST", "/2/tweets", request => request.Header("Authorization") == "Bearer new-access"
            ? FakeResponse.Json("""{"data":{"id":"9","text":"hi"}}""", 201)
            : FakeResponse.Json("""{"title":"Unauthorized","status":401,"detail":"Unauthorized"}""", 401));

    private Task<AccountCredentials> CredentialsAsync(Guid tenant, Guid id) => app.InTenantAsync(tenant, async s =>
    {
        var account = await s.GetRequiredService<SocialAccountsDbContext>().Accounts.SingleAsync(a => a.Id == id);
        return await s.GetRequiredService<AccountTokens>().DecryptAsync(account, CancellationToken.None);
    });
}
