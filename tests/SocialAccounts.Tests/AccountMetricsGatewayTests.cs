using Microsoft.Extensions.DependencyInjection;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>
/// Account metrics through the contract: a platform without them is answered without a request, one with them goes through
/// the account's token; the tenants with accounts are listed for the daily sweep, which runs for no tenant.
/// </summary>
public sealed class AccountMetricsGatewayTests
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
    public async Task A_platform_without_account_metrics_is_answered_not_offered_without_any_request()
    {
        var tenant = Guid.NewGuid();
        var linkedIn = await app.SeedAccountAsync(tenant, SocialPlatform.LinkedIn, "li-1", Tokens("li-access"));

        var metrics = await app.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().GetAccountMetricsAsync(linkedIn, CancellationToken.None));

        metrics.Offered.ShouldBeFalse();
        metrics.Followers.ShouldBeNull();
        fake.Requests.ShouldBeEmpty();
    }

    [Test]
    public async Task A_platform_with_account_metrics_is_asked_with_the_accounts_token()
    {
        var tenant = Guid.NewGuid();
        var x = await app.SeedAccountAsync(tenant, SocialPlatform.X, "42", Tokens("x-access"));
        // https://docs.x.com/x-api/users/lookup/quickstart/authenticated-lookup: data.public_metrics.followers_count.
        fake.On("GET", "/2/users/me", FakeResponse.Json("""{"data":{"id":"42","name":"Dev","username":"dev","public_metrics":{"followers_count":9}}}"""));

        var metrics = await app.AsJobAsync(tenant, s => s.GetRequiredService<ISocialAccounts>().GetAccountMetricsAsync(x, CancellationToken.None));

        metrics.ShouldBe(new AccountMetrics(9));
        fake.Single("GET", "/2/users/me").Header("Authorization").ShouldBe("Bearer x-access");
    }

    [Test]
    public async Task The_tenants_with_accounts_are_listed_for_no_tenant()
    {
        var withAccount = Guid.NewGuid();
        await app.SeedAccountAsync(withAccount, SocialPlatform.Reddit, "r-1", Tokens("r-access"));

        var tenants = await app.Services.GetRequiredService<IAccountTenants>().WithAccountsAsync(CancellationToken.None);

        tenants.ShouldContain(withAccount);
        tenants.Count.ShouldBe(tenants.Distinct().Count());
    }

    private static TokenSet Tokens(string access) => new(access, null, DateTimeOffset.UtcNow.AddDays(30), "");
}
