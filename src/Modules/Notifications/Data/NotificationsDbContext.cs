using Microsoft.EntityFrameworkCore;

namespace Platform.Notifications.Data;

internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<OutgoingMail> Messages => Set<OutgoingMail>();
    public DbSet<NotificationPreference> Preferences => Set<NotificationPreference>();
    public DbSet<InboxNotification> Inbox => Set<InboxNotification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("notifications");
        modelBuilder.Entity<OutgoingMail>(mail =>
        {
            mail.ToTable("messages");
            mail.Property(m => m.Kind).HasConversion<string>();
            mail.Property(m => m.Parameters).HasColumnType("jsonb");
        });
        modelBuilder.Entity<NotificationPreference>(preference =>
        {
            preference.ToTable("preferences").HasKey(p => new { p.UserId, p.Kind });
            preference.Property(p => p.Kind).HasConversion<string>();
        });
        modelBuilder.Entity<InboxNotification>(item =>
        {
            item.ToTable("inbox");
            item.Property(i => i.Kind).HasConversion<string>();
        });
    }
}
