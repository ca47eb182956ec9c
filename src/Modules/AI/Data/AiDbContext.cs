using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Platform.AI.Contracts;

namespace Platform.AI.Data;

internal sealed class AiDbContext(DbContextOptions<AiDbContext> options) : DbContext(options)
{
    public DbSet<AiRequest> Requests => Set<AiRequest>();
    public DbSet<PromptTemplate> Templates => Set<PromptTemplate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("ai");
        modelBuilder.Entity<AiRequest>(request =>
        {
            request.ToTable("ai_requests");
            request.Property(r => r.Type).HasConversion(UpperCase<AiRequestType>());
            request.Property(r => r.Status).HasConversion(UpperCase<AiRequestStatus>());
            request.Property(r => r.Input).HasColumnType("jsonb");
            request.Property(r => r.Output).HasColumnType("jsonb");
        });
        modelBuilder.Entity<PromptTemplate>().ToTable("prompt_templates");
    }

    // The table's CHECK constraints use upper-case names (PENDING, CAPTION, ...).
    private static ValueConverter<TEnum, string> UpperCase<TEnum>() where TEnum : struct, Enum =>
        new(value => value.ToString().ToUpperInvariant(), text => Enum.Parse<TEnum>(text, true));
}
