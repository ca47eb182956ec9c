using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Data;

internal sealed class SocialAccountsDbContext(DbContextOptions<SocialAccountsDbContext> options) : DbContext(options)
{
    public DbSet<SocialAccount> Accounts => Set<SocialAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("social_accounts");
        var account = modelBuilder.Entity<SocialAccount>();
        account.ToTable("accounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Platform).HasConversion(p => p.Slug(), s => Parse<SocialPlatform>(s));
        account.Property(a => a.Status).HasConversion(s => StatusSlug(s), s => Parse<AccountStatus>(s.Replace("_", "", StringComparison.Ordinal)));
        account.Property(a => a.Metadata)
            .HasColumnType("jsonb")
            .HasConversion(
                m => JsonSerializer.Serialize(m, (JsonSerializerOptions?)null),
                s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    m => m.Aggregate(0, (h, e) => HashCode.Combine(h, e.Key, e.Value)),
                    m => new Dictionary<string, string>(m)));
    }

    internal static string StatusSlug(AccountStatus status) => status switch
    {
        AccountStatus.NeedsReconnect => "needs_reconnect",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static T Parse<T>(string value) where T : struct, Enum => Enum.Parse<T>(value, ignoreCase: true);
}
