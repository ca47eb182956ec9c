using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Tokens;
using Platform.Users.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>
/// No database connection waits on a platform: while the platform holds its answer to a token refresh (on use or by the
/// sweep), a code exchange or a revocation, no session of the app is left open in a transaction; and the refresh claim that
/// replaces the row lock still lets only one refresh spend a refresh token.
/// </summary>
public sealed class PlatformWaitTests
{
    private static readonly TimeSpan PlatformHolds = TimeSpan.FromMilliseconds(1500);
    private const string RedirectUri = "https://app.example/oauth/callback";
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
    public async Task A_refresh_on_use_holds_no_connection_while_the_platform_answers()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("old-access", "old-refresh", minutes: 5));
        ScriptXRefresh(PlatformHolds);
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"9","text":"hi"}}""", 201));

        var publishing = app.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None));

        (await SessionsWaitingInATransactionWhilePendingAsync("POST", "/2/oauth2/token")).ShouldBe(0);
        (await publishing).PlatformPostId.ShouldBe("9");
        fake.Single("POST", "/2/tweets").Header("Authorization").ShouldBe("Bearer new-access");
    }

    [Test]
    public async Task The_refresh_sweep_holds_no_connection_while_the_platform_answers()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "sweep", Tokens("old-access", "old-refresh", minutes: 30));
        ScriptXRefresh(PlatformHolds);

        var sweeping = app.AsJobAsync(tenant, s => s.GetRequiredService<TokenRefreshJobs>().RefreshTenantAsync(tenant, CancellationToken.None));

        (await SessionsWaitingInATransactionWhilePendingAsync("POST", "/2/oauth2/token")).ShouldBe(0);
        (await sweeping).ShouldBe(1);
        (await ClaimAsync(tenant, id)).ShouldBe((null, null));
    }

    [Test]
    public async Task Connecting_and_disconnecting_hold_no_connection_while_the_platform_answers()
    {
        var tenant = Guid.NewGuid();
        using var client = app.ClientFor(tenant, Guid.NewGuid());
        var authUrl = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/social-accounts/auth-url/x?redirectUri={Uri.EscapeDataString(RedirectUri)}")).RootElement;
        fake.On("POST", "/2/oauth2/token", new FakeResponse(200,
            """{"token_type":"bearer","expires_in":7200,"access_token":"x-access","scope":"tweet.read tweet.write users.read offline.access","refresh_token":"x-refresh"}""",
            Delay: PlatformHolds));
        fake.On("GET", "/2/users/me", FakeResponse.Json("""{"data":{"id":"2244994945","name":"X Dev","username":"xdevelopers"}}"""));

        var connecting = client.PostAsJsonAsync("/api/v1/social-accounts/connect",
            new { platform = "x", code = "x-code", state = authUrl.GetProperty("state").GetString(), redirectUri = RedirectUri });

        (await SessionsWaitingInATransactionWhilePendingAsync("POST", "/2/oauth2/token")).ShouldBe(0);
        var connected = await connecting;
        connected.StatusCode.ShouldBe(HttpStatusCode.OK, await connected.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await connected.Content.ReadAsStringAsync()).RootElement.GetProperty("accounts")[0].GetProperty("id").GetGuid();

        fake.On("POST", "/2/oauth2/revoke", new FakeResponse(200, """{"revoked":true}""", Delay: PlatformHolds));
        var disconnecting = client.DeleteAsync($"/api/v1/social-accounts/{id}");

        (await SessionsWaitingInATransactionWhilePendingAsync("POST", "/2/oauth2/revoke")).ShouldBe(0);
        (await disconnecting).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/social-accounts/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_call_whose_token_is_still_valid_does_not_wait_for_a_refresh_under_way_elsewhere()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "busy-valid", Tokens("old-access", "old-refresh", minutes: 5));
        await HoldClaimElsewhereAsync(tenant, id);
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"9","text":"hi"}}""", 201));

        await app.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None));

        fake.To("POST", "/2/oauth2/token").ShouldBeEmpty();
        fake.Single("POST", "/2/tweets").Header("Authorization").ShouldBe("Bearer old-access");
    }

    [Test]
    public async Task A_call_whose_token_has_expired_waits_for_the_refresh_under_way_elsewhere_and_uses_its_tokens()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "busy-expired", Tokens("old-access", "old-refresh", minutes: -1));
        var elsewhere = await HoldClaimElsewhereAsync(tenant, id);
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"9","text":"hi"}}""", 201));

        var publishing = app.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None));
        await Task.Delay(400);
        publishing.IsCompleted.ShouldBeFalse();
        await app.InTenantAsync(tenant, async s =>
        {
            var account = await s.GetRequiredService<SocialAccountsDbContext>().Accounts.SingleAsync(a => a.Id == id);
            return await s.GetRequiredService<AccountTokens>().CompleteRefreshAsync(account, elsewhere,
                Tokens("elsewhere-access", "elsewhere-refresh", minutes: 120), refused: null, refusal: null, CancellationToken.None);
        });

        await publishing;
        fake.To("POST", "/2/oauth2/token").ShouldBeEmpty();
        fake.Single("POST", "/2/tweets").Header("Authorization").ShouldBe("Bearer elsewhere-access");
    }

    [Test]
    public async Task A_refresh_that_fails_without_an_answer_gives_its_claim_back_so_the_next_call_refreshes_at_once()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "flaky", Tokens("old-access", "old-refresh", minutes: -1));
        fake.On("POST", "/2/oauth2/token", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));
        fake.On("POST", "/2/tweets", FakeResponse.Json("""{"data":{"id":"9","text":"hi"}}""", 201));

        await Should.ThrowAsync<PlatformException>(() => app.AsJobAsync(tenant, s =>
            s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None)));
        (await ClaimAsync(tenant, id)).ShouldBe((null, null));

        ScriptXRefresh();
        await app.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None));
        fake.Single("POST", "/2/tweets").Header("Authorization").ShouldBe("Bearer new-access");
    }

    [Test]
    public async Task A_refusal_of_a_spent_refresh_token_does_not_mark_an_account_another_refresh_has_renewed()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "overtaken", Tokens("old-access", "old-refresh", minutes: -1));
        var first = await ClaimRefreshAsync(tenant, id);
        // The first refresh outlives its lease (a starved host); a second takes over with the same refresh token.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await ClaimRefreshAsync(tenant, id);
        second.Outcome.ShouldBe(RefreshClaimOutcome.Claimed);

        // The platform rotated the token for the first and refused it to the second.
        await CompleteAsync(tenant, id, first, Tokens("first-access", "first-refresh", minutes: 120), refused: null);
        await CompleteAsync(tenant, id, second, fresh: null,
            refused: new PlatformException(SocialPlatform.X, PlatformErrorKind.TokenRevoked, "invalid_grant: refresh token spent", platformCode: "invalid_request"));

        var account = await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().FindAsync(id, CancellationToken.None));
        account!.Status.ShouldBe(AccountStatus.Active);
        (await CredentialsAsync(tenant, id)).AccessToken.ShouldBe("first-access");
        (await ClaimAsync(tenant, id)).ShouldBe((null, null));
    }

    [Test]
    public async Task A_refusal_with_no_refresh_since_the_claim_marks_the_account_revoked()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "refused", Tokens("old-access", "old-refresh", minutes: -1));
        var claim = await ClaimRefreshAsync(tenant, id);

        await Should.ThrowAsync<PlatformException>(() => CompleteAsync(tenant, id, claim, fresh: null,
            refused: new PlatformException(SocialPlatform.X, PlatformErrorKind.TokenRevoked, "invalid_grant", platformCode: "invalid_request")));

        var account = await app.InTenantAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().FindAsync(id, CancellationToken.None));
        account!.Status.ShouldBe(AccountStatus.Revoked);
    }

    /// <summary>
    /// Waits until the platform has received <paramref name="method"/> <paramref name="path"/> (and holds its answer), then
    /// counts the app's sessions that have sat in an open transaction for a while: one holding a connection across the call.
    /// </summary>
    private async Task<long> SessionsWaitingInATransactionWhilePendingAsync(string method, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (fake.To(method, path).Count == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{method} {path} never reached the platform");
            await Task.Delay(10);
        }
        await Task.Delay(PlatformHolds / 2);
        await using var connection = app.Database.OpenSuperuser();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() " +
            "AND state LIKE 'idle in transaction%' AND now() - state_change > interval '300 milliseconds'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task<RefreshClaim> HoldClaimElsewhereAsync(Guid tenant, Guid id) => ClaimRefreshAsync(tenant, id);

    private Task<RefreshClaim> ClaimRefreshAsync(Guid tenant, Guid id) => app.InTenantAsync(tenant, async s =>
    {
        var account = await s.GetRequiredService<SocialAccountsDbContext>().Accounts.SingleAsync(a => a.Id == id);
        return await s.GetRequiredService<AccountTokens>().ClaimRefreshAsync(account, _ => true, refusal: null, CancellationToken.None);
    });

    private Task<bool> CompleteAsync(Guid tenant, Guid id, RefreshClaim claim, TokenSet? fresh, PlatformException? refused) => app.InTenantAsync(tenant, async s =>
    {
        var account = await s.GetRequiredService<SocialAccountsDbContext>().Accounts.SingleAsync(a => a.Id == id);
        try
        {
            return await s.GetRequiredService<AccountTokens>().CompleteRefreshAsync(account, claim, fresh, refused, refusal: null, CancellationToken.None);
        }
        catch (PlatformException)
        {
            // The mark commits before the error goes on, as the refresh's own unit of work does.
            await s.GetRequiredService<Platform.SharedKernel.Data.DbSession>().CommitAsync();
            throw;
        }
    });

    private Task<(Guid?, DateTimeOffset?)> ClaimAsync(Guid tenant, Guid id) => app.InTenantAsync(tenant, async s =>
    {
        var account = await s.GetRequiredService<SocialAccountsDbContext>().Accounts.AsNoTracking().SingleAsync(a => a.Id == id);
        return (account.RefreshClaimId, account.RefreshClaimedUntil);
    });

    private Task<AccountCredentials> CredentialsAsync(Guid tenant, Guid id) => app.InTenantAsync(tenant, async s =>
    {
        var account = await s.GetRequiredService<SocialAccountsDbContext>().Accounts.SingleAsync(a => a.Id == id);
        return await s.GetRequiredService<AccountTokens>().DecryptAsync(account, CancellationToken.None);
    });

    private TokenSet Tokens(string access, string? refresh, int minutes) =>
        new(access, refresh, app.Clock.GetUtcNow().AddMinutes(minutes), "tweet.read");

    private void ScriptXRefresh(TimeSpan? delay = null) =>
        fake.On("POST", "/2/oauth2/token", new FakeResponse(200,
            """{"token_type":"bearer","expires_in":7200,"access_token":"new-access","refresh_token":"new-refresh"}""", Delay: delay));
}
