using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Security;

namespace Platform.Users.Data;

internal sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

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
