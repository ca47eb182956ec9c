using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>Row-level security on social_accounts.accounts, exercised through the app role the host connects as.</summary>
public sealed class TenantIsolationTests
{
    private FakePlatform fake = null!;
    private SocialAccountsApp app = null!;
    private readonly Guid tenantA = Guid.NewGuid();
    private readonly Guid tenantB = Guid.NewGuid();
    private Guid accountB;

    [OneTimeSetUp]
    public async Task Start()
    {
        fake = await FakePlatform.StartAsync();
        app = new SocialAccountsApp(fake);
        await app.SeedAccountAsync(tenantA, SocialPlatform.X, "a", new TokenSet("a", null, null, ""));
        accountB = await app.SeedAccountAsync(tenantB, SocialPlatform.X, "b", new TokenSet("b", null, null, ""));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await fake.DisposeAsync();
    }

    [Test]
    public async Task Another_tenants_accounts_are_invisible_and_cannot_be_changed_or_deleted()
    {
        await TenantIsolation.AssertIsolatedAsync(app.Database, "social_accounts.accounts", tenantB, tenantA);
        (await app.InTenantAsync(tenantA, s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<ISocialAccounts>(s).FindAsync(accountB, CancellationToken.None))).ShouldBeNull();
    }

    [Test]
    public async Task Listing_shows_only_the_current_tenants_accounts()
    {
        var listed = await app.InTenantAsync(tenantA, s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<ISocialAccounts>(s).ListAsync(CancellationToken.None));

        listed.Select(a => a.ExternalId).ShouldBe(["a"]);
        listed.Single().Status.ShouldBe(AccountStatus.Active);
    }

    [Test]
    public async Task Writing_a_row_for_another_tenant_is_refused()
    {
        await TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantA, """
            INSERT INTO social_accounts.accounts (id, tenant_id, platform, external_id, display_name, status, access_token_cipher, key_id, connected_by)
            VALUES (gen_random_uuid(), $1, 'x', 'intruder', 'Intruder', 'active', 'c', 'dev', gen_random_uuid())
            """, tenantB);
        await TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantA, "UPDATE social_accounts.accounts SET tenant_id = $1", tenantB);
    }
}
