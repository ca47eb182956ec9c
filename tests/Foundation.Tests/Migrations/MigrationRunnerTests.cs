using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Host.Database;
using Shouldly;

namespace Platform.Foundation.Tests.Migrations;

public sealed class MigrationRunnerTests
{
    [Test]
    public async Task Running_twice_applies_nothing_the_second_time_and_hosts_racing_migrate_once()
    {
        var database = new Platform.TestKit.TestDatabase();
        try
        {
            var options = MigratedDatabase.Options(database);
            var racing = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
                new MigrationRunner(options, NullLogger.Instance).RunAsync(CancellationToken.None)));
            var again = await new MigrationRunner(options, NullLogger.Instance).RunAsync(CancellationToken.None);

            var scripts = Directory.GetFiles(MigrationRunner.ScriptsFolder, "*.sql").Length;
            racing.Sum().ShouldBe(scripts);
            again.ShouldBe(0);
            await using var connection = database.OpenOwner();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM platform_migrations.applied", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(scripts);
        }
        finally
        {
            await database.DropAsync();
        }
    }
}
