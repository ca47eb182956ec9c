using Microsoft.EntityFrameworkCore;

namespace Platform.Posts.Data;

/// <summary>
/// Breaker rows are read under a row lock wherever a decision follows, so two workers of the same account (on any
/// host) never both take the trial nor both miss a failure.
/// </summary>
internal static class AccountBreakerQueries
{
    public static Task<AccountBreaker?> LockBreakerAsync(this PostsDbContext db, Guid tenantId, Guid accountId, CancellationToken cancellationToken) =>
        db.Breakers.FromSql($"""
            SELECT * FROM posts.account_breakers WHERE tenant_id = {tenantId} AND social_account_id = {accountId} FOR UPDATE
            """).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The rows of several accounts, locked in account order (two workers cannot deadlock), by account.</summary>
    public static async Task<Dictionary<Guid, AccountBreaker>> LockBreakersAsync(
        this PostsDbContext db, Guid tenantId, IEnumerable<Guid> accountIds, CancellationToken cancellationToken)
    {
        var ids = accountIds.Distinct().ToArray();
        return await db.Breakers.FromSql($"""
            SELECT * FROM posts.account_breakers WHERE tenant_id = {tenantId} AND social_account_id = ANY({ids})
            ORDER BY social_account_id FOR UPDATE
            """).ToDictionaryAsync(b => b.SocialAccountId, cancellationToken);
    }

    /// <summary>
    /// Creates closed rows for the accounts that have none, in account order like <see cref="LockBreakersAsync"/>: a new row
    /// is held by its creator until commit, so creating several in another order could wait in a circle with another creator.
    /// </summary>
    public static async Task CreateMissingBreakersAsync(
        this PostsDbContext db, Guid tenantId, IEnumerable<Guid> accountIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = accountIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            return;
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO posts.account_breakers (tenant_id, social_account_id, updated_at)
            SELECT {tenantId}, account, {now} FROM unnest({ids}) AS account ORDER BY account
            ON CONFLICT DO NOTHING
            """, cancellationToken);
    }

    /// <summary>The account's row, created closed when it has none; concurrent creators end up with the same row.</summary>
    public static async Task<AccountBreaker> LockOrCreateBreakerAsync(this PostsDbContext db, Guid tenantId, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO posts.account_breakers (tenant_id, social_account_id, updated_at) VALUES ({tenantId}, {accountId}, {now})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return await db.LockBreakerAsync(tenantId, accountId, cancellationToken)
            ?? throw new InvalidOperationException($"The breaker of account {accountId} vanished while it was created.");
    }
}
