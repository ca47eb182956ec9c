using Npgsql;
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
        await AsTenantAsync(tenantA,
            "INSERT INTO posts.account_breakers (tenant_id, social_account_id, paused_by, pause_reason, paused_at) VALUES ($1, $2, 'user', 'A''s pause', now())",
            tenantA, accountA);
    }

    [Test]
    public async Task Another_tenant_neither_sees_nor_changes_the_rows()
    {
        (await AsTenantAsync(tenantA, "SELECT count(*) FROM posts.account_breakers")).ShouldBe(1L);
        (await AsTenantAsync(tenantB, "SELECT count(*) FROM posts.account_breakers")).ShouldBe(0L);
        (await AsTenantAsync(tenantB, "UPDATE posts.account_breakers SET paused_at = NULL, paused_by = NULL RETURNING 1")).ShouldBeNull();
        (await AsTenantAsync(tenantB, "DELETE FROM posts.account_breakers RETURNING 1")).ShouldBeNull();
        (await AsTenantAsync(tenantA, "SELECT pause_reason FROM posts.account_breakers WHERE social_account_id = $1", accountA)).ShouldBe("A's pause");
    }

    [Test]
    public async Task Writing_a_row_for_another_tenant_is_rejected()
    {
        var insert = await Should.ThrowAsync<PostgresException>(() => AsTenantAsync(tenantB,
            "INSERT INTO posts.account_breakers (tenant_id, social_account_id) VALUES ($1, $2)", tenantA, Guid.NewGuid()));
        var move = await Should.ThrowAsync<PostgresException>(() => AsTenantAsync(tenantA,
            "UPDATE posts.account_breakers SET tenant_id = $1", tenantB));

        insert.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        move.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Test]
    public async Task With_no_tenant_set_nothing_is_visible()
    {
        await using var connection = app.Database.OpenApp();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM posts.account_breakers", connection);
        (await command.ExecuteScalarAsync()).ShouldBe(0L);
    }

    private Task<object?> AsTenantAsync(Guid tenant, string sql, params object[] values) => app.Database.ScalarAsTenantAsync(tenant, sql, values);
}
