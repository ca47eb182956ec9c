using System.Text.RegularExpressions;
using Shouldly;

namespace Platform.Architecture.Tests;

/// <summary>
/// Row-level security is written one way: <c>CALL platform_tenancy.isolate('schema.table')</c> right in the migration
/// that creates the table. The database catalog test checks the outcome; this one keeps the migrations readable.
/// </summary>
public sealed partial class MigrationIsolationTests
{
    /// <summary>
    /// Migrations that wrote their row-level security by hand before the rule. They are applied with recorded checksums,
    /// so they stay as written; the catalog test proves they made the same policy the helper makes.
    /// </summary>
    private static readonly string[] WrittenBeforeTheRule =
    [
        "0001_foundation.sql", "0002_users.sql", "0006_tenant_isolation_helper.sql", "0010_social_accounts.sql", "0020_ai.sql",
        "0030_posts.sql", "0031_account_breakers.sql", "0040_analytics.sql",
    ];

    /// <summary>Module tables deliberately outside row-level security (the same list as the catalog test's).</summary>
    private static readonly string[] GlobalTables = ["posts.publish_queue"];

    private static string MigrationsFolder => Path.Combine(ModuleBoundaries.RepositoryRoot, "migrations");

    private static IEnumerable<string> Migrations() =>
        Directory.EnumerateFiles(MigrationsFolder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [Test]
    public void Every_new_migration_isolates_its_tenant_tables_through_the_helper() =>
        Migrations()
            .Where(file => !WrittenBeforeTheRule.Contains(file))
            .SelectMany(file => Breaches(File.ReadAllText(Path.Combine(MigrationsFolder, file))).Select(breach => $"{file}: {breach}"))
            .ShouldBeEmpty();

    [Test]
    public void The_list_of_hand_written_migrations_names_existing_files() =>
        WrittenBeforeTheRule.Except(Migrations()).ShouldBeEmpty();

    [Test]
    public void The_rule_catches_a_table_left_open_and_hand_written_security()
    {
        Breaches("""
            CREATE TABLE posts.drafts (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);
            CREATE TABLE IF NOT EXISTS posts.notes (id uuid);
            CALL platform_tenancy.isolate('posts.notes');
            CREATE TABLE posts.publish_queue_shadow (id uuid);
            ALTER TABLE posts.publish_queue_shadow ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON posts.publish_queue_shadow USING (true);
            """).ShouldBe(["posts.drafts is not isolated", "posts.publish_queue_shadow is not isolated",
                "hand-written: ENABLE ROW LEVEL SECURITY", "hand-written: CREATE POLICY tenant_isolation"]);

        Breaches("""
            CREATE TABLE media.items (id uuid, tenant_id uuid);
            CALL platform_tenancy.isolate('media.items');
            CREATE TABLE platform_events.archive (id bigint);
            CREATE TABLE posts.publish_queue (id uuid);
            """).ShouldBeEmpty();
    }

    /// <summary>Module tables created without a matching <c>isolate</c> call, and row-level security written by hand.</summary>
    private static IEnumerable<string> Breaches(string sql)
    {
        var schemas = ModuleBoundaries.SchemaByModule.Values.ToHashSet(StringComparer.Ordinal);
        var isolated = IsolateCall().Matches(sql).Select(m => m.Groups["table"].Value).ToHashSet(StringComparer.Ordinal);
        var open = CreateTable().Matches(sql)
            .Select(m => m.Groups["table"].Value)
            .Where(table => schemas.Contains(table.Split('.')[0]) && !GlobalTables.Contains(table) && !isolated.Contains(table))
            .Select(table => $"{table} is not isolated");
        var handWritten = HandWrittenSecurity().Matches(sql).Select(m => $"hand-written: {Regex.Replace(m.Value, @"\s+", " ")}");
        return open.Concat(handWritten).ToList();
    }

    [GeneratedRegex(@"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<table>[a-z_]+\.[a-z_]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"CALL\s+platform_tenancy\.isolate\s*\(\s*'(?<table>[a-z_]+\.[a-z_]+)'", RegexOptions.IgnoreCase)]
    private static partial Regex IsolateCall();

    [GeneratedRegex(@"ENABLE\s+ROW\s+LEVEL\s+SECURITY|CREATE\s+POLICY\s+tenant_isolation", RegexOptions.IgnoreCase)]
    private static partial Regex HandWrittenSecurity();
}
