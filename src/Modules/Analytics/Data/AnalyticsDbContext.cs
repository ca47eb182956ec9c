using Microsoft.EntityFrameworkCore;
using Platform.Analytics.Collection;
using Platform.Analytics.Refresh;

namespace Platform.Analytics.Data;

internal sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public DbSet<AnalyticsEvent> Events => Set<AnalyticsEvent>();
    public DbSet<TrackedTarget> TrackedTargets => Set<TrackedTarget>();
    public DbSet<MetricSnapshot> Snapshots => Set<MetricSnapshot>();
    public DbSet<AccountAnalyticsStatus> AccountStatuses => Set<AccountAnalyticsStatus>();
    public DbSet<TenantRefresh> Refreshes => Set<TenantRefresh>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("analytics");
        modelBuilder.Entity<AnalyticsEvent>().ToTable("events");
        modelBuilder.Entity<TrackedTarget>(target =>
        {
            target.ToTable("tracked_targets").HasKey(t => t.TargetId);
            target.Property(t => t.Platform).HasConversion<string>();
        });
        modelBuilder.Entity<MetricSnapshot>(snapshot =>
        {
            snapshot.ToTable("metric_snapshots");
            snapshot.Property(s => s.Platform).HasConversion<string>();
            snapshot.Property(s => s.Others).HasColumnType("jsonb");
        });
        modelBuilder.Entity<AccountAnalyticsStatus>(status =>
        {
            status.ToTable("account_status").HasKey(s => new { s.TenantId, s.SocialAccountId });
            status.Property(s => s.State).HasConversion<string>();
            status.Property(s => s.Refusal).HasConversion<string>();
        });
        modelBuilder.Entity<TenantRefresh>().ToTable("refreshes").HasKey(r => r.TenantId);
    }
}
