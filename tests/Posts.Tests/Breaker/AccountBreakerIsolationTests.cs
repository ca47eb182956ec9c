using Shouldly;

namespace Platform.Posts.Tests.Breaker;

/// <summary>Row-level security on posts.account_breakers, through the app role the host connects as.</summary>
public sealed class AccountBreakerIsolationTests : PostsFixture
{
    private readonly Guid tenantA = Guid.NewGuid();
    private readonly Guid tenantB = Guid.NewGuid();
    private readonly Guid accountA = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _ = app.Services;
        await app.Database.ScalarAsTenantAsync(tenantA,
            "INSERT INTO posts.account_breakers (tenant_id, social_account_id, paused_by, pause_reason, paused_at) VALUES ($1, $2, 'user', 'A''s pause', now())",
            tenantA, accountA);
    }

    [Test]
    public async Task Another_tenant_neither_sees_nor_changes_the_rows()
    {
        await TenantIsolation.AssertIsolatedAsync(app.Database, "posts.account_breakers", tenantA, tenantB);
        (await app.Database.ScalarAsTenantAsync(tenantA, "SELECT pause_reason FROM posts.account_breakers WHERE social_account_id = $1", accountA))
            .ShouldBe("A's pause");
    }

    [Test]
    public async Task Writing_a_row_for_another_tenant_is_rejected()
    {
        await TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantB,
            "INSERT INTO posts.account_breakers (tenant_id, social_account_id) VALUES ($1, $2)", tenantA, Guid.NewGuid());
        await TenantIsolation.AssertWriteRefusedAsync(app.Database, tenantA, "UPDATE posts.account_breakers SET tenant_id = $1", tenantB);
    }
}
