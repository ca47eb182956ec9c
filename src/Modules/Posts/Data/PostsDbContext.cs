using Microsoft.EntityFrameworkCore;
using Platform.Posts.Contracts;

namespace Platform.Posts.Data;

internal sealed class PostsDbContext(DbContextOptions<PostsDbContext> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostTarget> Targets => Set<PostTarget>();
    public DbSet<TargetAttempt> Attempts => Set<TargetAttempt>();
    public DbSet<AccountBreaker> Breakers => Set<AccountBreaker>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("posts");
        modelBuilder.Entity<Post>(post =>
        {
            post.ToTable("posts");
            post.Property(p => p.Type).HasConversion(new SnakeCaseEnum<PostType>());
            post.Property(p => p.Status).HasConversion(new SnakeCaseEnum<PostStatus>());
            post.OwnsMany(p => p.Media, media => media.ToJson("media"));
            post.Property(p => p.Version).IsConcurrencyToken();
            post.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PostId);
        });
        modelBuilder.Entity<PostTarget>(target =>
        {
            target.ToTable("post_targets");
            target.Property(t => t.Status).HasConversion(new SnakeCaseEnum<TargetStatus>());
            target.Property(t => t.ErrorKind).HasConversion(new EnumName<TargetErrorKind>());
            // The column keeps its first name; it has always counted attempts.
            target.Property(t => t.AttemptCount).HasColumnName("retry_count");
            target.OwnsOne(t => t.Options, options => options.ToJson("options"));
            target.OwnsMany(t => t.Media, media => media.ToJson("media"));
        });
        modelBuilder.Entity<TargetAttempt>(attempt =>
        {
            attempt.ToTable("target_attempts");
            attempt.Property(a => a.Outcome).HasConversion(new SnakeCaseEnum<AttemptOutcome>());
            attempt.Property(a => a.ErrorKind).HasConversion(new EnumName<TargetErrorKind>());
        });
        modelBuilder.Entity<AccountBreaker>(breaker =>
        {
            breaker.ToTable("account_breakers");
            breaker.HasKey(b => new { b.TenantId, b.SocialAccountId });
            breaker.Property(b => b.PausedBy).HasConversion(new SnakeCaseEnum<PauseSource>());
            breaker.Property(b => b.LastErrorKind).HasConversion(new EnumName<TargetErrorKind>());
        });
    }
}
