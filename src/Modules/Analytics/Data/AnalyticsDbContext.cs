using Microsoft.EntityFrameworkCore;

namespace Platform.Analytics.Data;

internal sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public DbSet<AnalyticsEvent> Events => Set<AnalyticsEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("analytics");
        modelBuilder.Entity<AnalyticsEvent>().ToTable("events");
    }
}
