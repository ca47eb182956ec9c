using Microsoft.Extensions.Logging.Abstractions;
using Platform.Host.Database;
using Platform.TestKit;

namespace Platform.Foundation.Tests;

/// <summary>A fresh database migrated by the real runner, for tests that talk SQL without the HTTP host.</summary>
internal static class MigratedDatabase
{
    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await new MigrationRunner(Options(database), NullLogger.Instance).RunAsync(CancellationToken.None);
        return database;
    }

    public static DatabaseOptions Options(TestDatabase database) =>
        new(database.AppConnectionString, database.OwnerConnectionString, database.AdminConnectionString);
}

/// <summary>A fixture with a fresh migrated database of its own, dropped when the fixture ends.</summary>
public abstract class MigratedDatabaseFixture
{
    protected TestDatabase Database { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => Database = await MigratedDatabase.CreateAsync();

    [OneTimeTearDown]
    public Task DropDatabase() => Database.DropAsync();
}
