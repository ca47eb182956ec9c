using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.SharedKernel.Security;

namespace Platform.ApiKeys.Data;

internal sealed class ApiKeysDbContext(DbContextOptions<ApiKeysDbContext> options) : DbContext(options)
{
    // Stored by their wire names, which the table's check constraint lists.
    private static readonly ValueConverter<ApiScope[], string[]> ScopeNames = new(
        scopes => scopes.Select(s => s.Name()).ToArray(),
        names => names.Select(Parse).ToArray());

    private static readonly ValueComparer<ApiScope[]> ScopeComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        scopes => scopes.Aggregate(0, (hash, scope) => HashCode.Combine(hash, scope)),
        scopes => scopes.ToArray());

    public DbSet<ApiKey> Keys => Set<ApiKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(ApiKeysModule.Schema);
        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("keys");
            key.Property(k => k.Scopes).HasConversion(ScopeNames, ScopeComparer);
        });
    }

    private static ApiScope Parse(string name) =>
        ApiScopeNames.TryParse(name, out var scope) ? scope : throw new InvalidOperationException($"Unknown stored scope '{name}'.");
}
