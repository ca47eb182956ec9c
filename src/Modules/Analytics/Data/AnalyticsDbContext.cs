using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.Analytics.Collection;
using Platform.Analytics.Refresh;

namespace Platform.Analytics.Data;

internal sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public DbSet<AnalyticsEvent> Events => Set<AnalyticsEvent>();
    public DbSet<TrackedTarget> TrackedTargets => Set<TrackedTarget>();
    public DbSet<MetricSnapshot> Snapshots => Set<MetricSnapshot>();
    public DbSet<AccountSnapshot> AccountSnapshots => Set<AccountSnapshot>();
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
            // Npgsql reads jsonb into a dictionary only with dynamic JSON turned on for the whole data source; converting here
            // keeps that choice to this column (written as jsonb text by the snapshot store, read back through the converter).
            snapshot.Property(s => s.Others).HasColumnType("jsonb").HasConversion(
                others => others == null ? null : JsonSerializer.Serialize(others, (JsonSerializerOptions?)null),
                json => json == null ? null : JsonSerializer.Deserialize<Dictionary<string, long>>(json, (JsonSerializerOptions?)null),
                new ValueComparer<Dictionary<string, long>?>(
                    (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
                    others => others == null ? 0 : others.Count,
                    others => others == null ? null : new Dictionary<string, long>(others, StringComparer.Ordinal)));
        });
        modelBuilder.Entity<AccountSnapshot>(snapshot =>
        {
            snapshot.ToTable("account_snapshots").HasKey(s => new { s.TenantId, s.SocialAccountId, s.Day });
            snapshot.Property(s => s.Platform).HasConversion<string>();
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
