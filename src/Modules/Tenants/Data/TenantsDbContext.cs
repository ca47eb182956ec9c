using Microsoft.EntityFrameworkCore;

namespace Platform.Tenants.Data;

internal sealed class TenantsDbContext(DbContextOptions<TenantsDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("tenants");
        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.Property(t => t.AiBudgetLimit).HasPrecision(12, 4);
            tenant.Property(t => t.AiUsageCurrent).HasPrecision(12, 4);
            tenant.OwnsOne(t => t.Settings, settings => settings.ToJson("settings"));
        });
    }
}
