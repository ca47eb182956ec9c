using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.RateLimits;
using Platform.SocialAccounts.Tokens;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>What stands between a publish request and the platform: content rules, Redis rate limits, key rotation.</summary>
public sealed class PublishingGuardTests
{
    private FakePlatform fake = null!;
    private SocialAccountsApp app = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        fake = await FakePlatform.StartAsync();
        app = new SocialAccountsApp(fake, new Dictionary<string, string?>
        {
            ["SocialAccounts:Encryption:Keys:k1"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()),
            ["SocialAccounts:Encryption:CurrentKeyId"] = "k1",
            ["Platforms:Pinterest:ClientId"] = "",
        });
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
    public async Task Content_the_platform_would_refuse_is_rejected_with_the_reason_before_anything_is_sent()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", new TokenSet("t", null, null, ""));

        var error = await Should.ThrowAsync<PlatformException>(() => app.InTenantAsync(tenant, s =>
            s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent(new string('x', 281)), CancellationToken.None)));

        error.Kind.ShouldBe(PlatformErrorKind.ContentRejected);
        error.IsRetryable.ShouldBeFalse();
        error.Message.ShouldContain("281 weighted characters");
        fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task A_platform_without_client_credentials_answers_503_on_auth_url()
    {
        using var client = app.ClientFor(Guid.NewGuid(), Guid.NewGuid());

        var response = await client.GetAsync("/api/v1/social-accounts/auth-url/pinterest?redirectUri=https%3A%2F%2Fapp.example%2Fcb");

        ((int)response.StatusCode).ShouldBe(503);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Platforms:Pinterest:ClientId");
    }

    [Test]
    public async Task An_account_that_must_be_reconnected_is_refused_without_calling_the_platform()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "revoked-one", new TokenSet("t", null, null, ""));
        (await app.ExecuteAsTenantAsync(tenant, $"UPDATE social_accounts.accounts SET status = 'revoked' WHERE id = '{id}'")).ShouldBe(1);

        var error = await Should.ThrowAsync<PlatformException>(() => app.InTenantAsync(tenant, s =>
            s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("hi"), CancellationToken.None)));

        error.Kind.ShouldBe(PlatformErrorKind.TokenRevoked);
        fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task A_request_whose_send_window_has_closed_is_not_sent()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "window-closed", new TokenSet("t", null, null, ""));
        fake.On("POST", "/2/tweets", new FakeResponse(201, """{"data":{"id":"77","text":"late"}}"""));

        using var window = SendWindow.OpenUntil(Stopwatch.GetTimestamp());
        await Should.ThrowAsync<SendWindowClosedException>(() => app.InTenantAsync(tenant, s =>
            s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("late"), CancellationToken.None)));

        window.AnySent.ShouldBeFalse();
        fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task A_request_sent_within_its_window_is_counted_as_sent()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "window-open", new TokenSet("t", null, null, ""));
        fake.On("POST", "/2/tweets", new FakeResponse(201, """{"data":{"id":"78","text":"in time"}}"""));

        using var window = SendWindow.OpenUntil(Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60);
        var published = await app.InTenantAsync(tenant, s =>
            s.GetRequiredService<ISocialAccounts>().PublishAsync(id, new PostContent("in time"), CancellationToken.None));

        published.PlatformPostId.ShouldBe("78");
        window.AnySent.ShouldBeTrue();
        fake.Requests.Count.ShouldBe(1);
    }

    [Test]
    public async Task Instagrams_daily_publishing_cap_is_enforced_locally_per_account_in_redis()
    {
        var limiter = app.Services.GetRequiredService<PlatformRateLimiter>();
        var account = Guid.NewGuid();
        for (var i = 0; i < 50; i++)
        {
            await limiter.AcquireAsync(SocialPlatform.Instagram, account, PlatformOperation.Publish, CancellationToken.None);
        }

        var refused = await Should.ThrowAsync<PlatformException>(() => limiter.AcquireAsync(SocialPlatform.Instagram, account, PlatformOperation.Publish, CancellationToken.None));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        refused.RetryAfter!.Value.ShouldBeGreaterThan(TimeSpan.FromHours(23));
        await limiter.AcquireAsync(SocialPlatform.Instagram, Guid.NewGuid(), PlatformOperation.Publish, CancellationToken.None);
        await limiter.AcquireAsync(SocialPlatform.Instagram, account, PlatformOperation.Read, CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        await limiter.AcquireAsync(SocialPlatform.Instagram, account, PlatformOperation.Publish, CancellationToken.None);
    }

    [Test]
    public async Task A_burst_from_many_callers_never_exceeds_the_window()
    {
        var limiter = app.Services.GetRequiredService<PlatformRateLimiter>();
        var account = Guid.NewGuid();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await limiter.AcquireAsync(SocialPlatform.TikTok, account, PlatformOperation.Publish, CancellationToken.None);
                return true;
            }
            catch (PlatformException)
            {
                return false;
            }
        }));

        outcomes.Count(granted => granted).ShouldBe(6);
    }

    [Test]
    public async Task The_app_wide_reddit_limit_is_shared_across_accounts()
    {
        var limiter = app.Services.GetRequiredService<PlatformRateLimiter>();
        for (var i = 0; i < 100; i++)
        {
            await limiter.AcquireAsync(SocialPlatform.Reddit, Guid.NewGuid(), PlatformOperation.Read, CancellationToken.None);
        }

        (await Should.ThrowAsync<PlatformException>(() => limiter.AcquireAsync(SocialPlatform.Reddit, Guid.NewGuid(), PlatformOperation.Publish, CancellationToken.None)))
            .Kind.ShouldBe(PlatformErrorKind.RateLimited);
    }

    [Test]
    public async Task Re_encryption_moves_tokens_from_an_old_key_to_the_current_one()
    {
        var tenant = Guid.NewGuid();
        var id = await app.SeedAccountAsync(tenant, SocialPlatform.X, "old-key-account", new TokenSet("access-1", "refresh-1", null, ""));
        // Write the account as it would have been under an older key that is still configured.
        var oldKey = Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray());
        var old = new Platform.SocialAccounts.Security.TokenCipher(Options.Create(new Platform.SocialAccounts.Security.TokenEncryptionOptions
        {
            Keys = { ["dev"] = oldKey },
        }));
        (await app.ExecuteAsTenantAsync(tenant,
            $"UPDATE social_accounts.accounts SET access_token_cipher = '{old.Encrypt("access-1", id)}', refresh_token_cipher = '{old.Encrypt("refresh-1", id)}', key_id = 'dev' WHERE id = '{id}'"))
            .ShouldBe(1);
        var rotation = Options.Create(new Platform.SocialAccounts.Security.TokenEncryptionOptions
        {
            Keys = { ["dev"] = oldKey, ["k1"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) },
            CurrentKeyId = "k1",
        });
        var rotator = new TokenKeyRotation(app.Services.GetRequiredService<IServiceScopeFactory>(),
            new Platform.SocialAccounts.Security.TokenCipher(rotation), app.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<TokenKeyRotation>.Instance);

        (await rotator.ReencryptAllAsync(CancellationToken.None)).ShouldBe(1);
        (await app.Services.GetRequiredService<ITokenKeyRotation>().ReencryptAllAsync(CancellationToken.None)).ShouldBe(0);

        (await app.CountAsTenantAsync(tenant, $"SELECT count(*) FROM social_accounts.accounts WHERE id = '{id}' AND key_id = 'k1' AND access_token_cipher LIKE 'v1.k1.%' AND refresh_token_cipher LIKE 'v1.k1.%'"))
            .ShouldBe(1);
        var credentials = await app.InTenantAsync(tenant, async s =>
        {
            var account = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                s.GetRequiredService<Platform.SocialAccounts.Data.SocialAccountsDbContext>().Accounts, a => a.Id == id);
            return await s.GetRequiredService<AccountTokens>().DecryptAsync(account, CancellationToken.None);
        });
        credentials.AccessToken.ShouldBe("access-1");
        credentials.RefreshToken.ShouldBe("refresh-1");
    }
}
