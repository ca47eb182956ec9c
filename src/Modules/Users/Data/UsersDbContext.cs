using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Security;
using Platform.Users.Tokens;

namespace Platform.Users.Data;

internal sealed class UsersDbContext(DbContextOptions<UsersDbContext> options, AccessTokenGate gate) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    /// <summary>Saves, then makes this host forget the token versions it just changed (other hosts hear it from PostgreSQL).</summary>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var changed = ChangeTracker.Entries<User>()
            .Where(e => e.State == EntityState.Modified &&
                (e.Property(u => u.TokenVersion).IsModified || e.Property(u => u.IsActive).IsModified))
            .Select(e => e.Entity.Id)
            .ToList();
        var saved = await base.SaveChangesAsync(cancellationToken);
        changed.ForEach(gate.Forget);
        return saved;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("users");
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.Role).HasConversion(
                role => role.ToString().ToLowerInvariant(),
                value => Enum.Parse<TenantRole>(value, true));
        });
        modelBuilder.Entity<RefreshToken>().ToTable("refresh_tokens");
        modelBuilder.Entity<RecoveryCode>().ToTable("recovery_codes");
    }
}
