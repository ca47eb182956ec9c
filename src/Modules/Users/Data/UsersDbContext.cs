using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.SharedKernel.Security;

namespace Platform.Users.Data;

internal sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : DbContext(options)
{
    private static readonly ValueConverter<TenantRole, string> RoleConversion = new(
        role => role.ToString().ToLowerInvariant(),
        value => Enum.Parse<TenantRole>(value, true));

    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<UserInvitation> Invitations => Set<UserInvitation>();
    public DbSet<PasswordReset> PasswordResets => Set<PasswordReset>();
    public DbSet<EmailVerification> EmailVerifications => Set<EmailVerification>();
    public DbSet<KnownDevice> KnownDevices => Set<KnownDevice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("users");
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.Role).HasConversion(RoleConversion);
        });
        modelBuilder.Entity<UserInvitation>(invitation =>
        {
            invitation.ToTable("user_invitations");
            invitation.Property(i => i.Role).HasConversion(RoleConversion);
        });
        modelBuilder.Entity<PasswordReset>().ToTable("password_resets");
        modelBuilder.Entity<EmailVerification>().ToTable("email_verifications");
        modelBuilder.Entity<KnownDevice>().ToTable("known_devices");
        modelBuilder.Entity<RefreshToken>().ToTable("refresh_tokens");
        modelBuilder.Entity<RecoveryCode>().ToTable("recovery_codes");
    }
}
