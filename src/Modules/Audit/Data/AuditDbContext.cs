using Microsoft.EntityFrameworkCore;
using Platform.Audit.Recording;

namespace Platform.Audit.Data;

internal sealed class AuditDbContext(DbContextOptions<AuditDbContext> options) : DbContext(options)
{
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(AuditModule.Schema);
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("entries");
            entry.Property(e => e.ActorKind).HasConversion<string>();
            // Stored by the stable dotted names, which filters compare with.
            entry.Property(e => e.Action).HasConversion(action => action.Name(), name => AuditActionNames.Parse(name));
            entry.Property(e => e.Before).HasColumnType("jsonb");
            entry.Property(e => e.After).HasColumnType("jsonb");
        });
    }
}
