using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.Webhooks.Contracts;

namespace Platform.Webhooks.Data;

internal sealed class WebhooksDbContext(DbContextOptions<WebhooksDbContext> options) : DbContext(options)
{
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<DeliveryAttempt> Attempts => Set<DeliveryAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("webhooks");
        modelBuilder.Entity<Subscription>(subscription =>
        {
            subscription.ToTable("subscriptions");
            // Stored by wire name, so the column reads the way the API and the receivers spell them.
            subscription.Property(s => s.EventTypes).HasColumnType("text[]").HasConversion(
                types => types.Select(WebhookEventTypes.NameOf).ToArray(),
                names => names.Select(Parse).ToList(),
                new ValueComparer<List<WebhookEventType>>(
                    (a, b) => a!.SequenceEqual(b!),
                    types => types.Aggregate(0, (hash, type) => HashCode.Combine(hash, type)),
                    types => types.ToList()));
        });
        modelBuilder.Entity<Delivery>(delivery =>
        {
            delivery.ToTable("deliveries");
            delivery.Property(d => d.Status).HasConversion<string>();
        });
        modelBuilder.Entity<DeliveryAttempt>(attempt =>
        {
            attempt.ToTable("delivery_attempts").HasKey(a => new { a.DeliveryId, a.Attempt });
        });
    }

    private static WebhookEventType Parse(string name) =>
        WebhookEventTypes.TryParse(name, out var type) ? type : throw new InvalidOperationException($"Unknown webhook event type '{name}' is stored.");
}
