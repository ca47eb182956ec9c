using Microsoft.EntityFrameworkCore;
using Platform.Billing.Contracts;
using Platform.Billing.Plans;

namespace Platform.Billing.Data;

internal sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : DbContext(options)
{
    public DbSet<TenantBilling> Accounts => Set<TenantBilling>();
    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("billing");
        modelBuilder.Entity<TenantBilling>(account =>
        {
            account.ToTable("accounts");
            account.HasKey(a => a.TenantId);
            account.Property(a => a.Status).HasConversion(status => StatusText(status), text => ParseStatus(text));
            account.Property(a => a.Interval).HasColumnName("billing_interval")
                .HasConversion(interval => interval.ToString()!.ToLowerInvariant(), text => Enum.Parse<BillingInterval>(text, true));
        });
        modelBuilder.Entity<ProcessedEvent>(processed =>
        {
            processed.ToTable("processed_events");
            processed.HasKey(e => e.EventId);
        });
    }

    private static string StatusText(SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.PastDue => "past_due",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static SubscriptionStatus ParseStatus(string text) => Enum.Parse<SubscriptionStatus>(text.Replace("_", "", StringComparison.Ordinal), true);
}
