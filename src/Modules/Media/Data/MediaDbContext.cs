using Microsoft.EntityFrameworkCore;
using Platform.Media.Contracts;

namespace Platform.Media.Data;

internal sealed class MediaDbContext(DbContextOptions<MediaDbContext> options) : DbContext(options)
{
    public DbSet<MediaItem> Items => Set<MediaItem>();
    public DbSet<PendingUpload> Uploads => Set<PendingUpload>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("media");
        modelBuilder.Entity<MediaItem>(item =>
        {
            item.ToTable("items");
            item.Property(i => i.Kind).HasConversion(kind => kind.ToString().ToLowerInvariant(), text => Enum.Parse<MediaKind>(text, true));
        });
        modelBuilder.Entity<PendingUpload>(upload => upload.ToTable("uploads"));
    }
}
