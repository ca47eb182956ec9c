using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.UnitOfWork;

/// <summary>A module's DbContext works inside the scope's unit of work, on its transaction, and adds no round trips of its own.</summary>
public sealed class ModuleContextTests : MigratedDatabaseFixture
{
    [Test]
    public async Task A_save_runs_on_the_unit_of_works_transaction_without_a_savepoint()
    {
        var savepoints = new SavepointCounter();
        var services = new ServiceCollection();
        services.AddSingleton(DataSources.For(Database.AppConnectionString));
        services.AddModuleDbContext<ProbeContext>((options, _) => options.AddInterceptors(savepoints));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        var db = scope.ServiceProvider.GetRequiredService<ProbeContext>();
        await session.BeginAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE probe (id int PRIMARY KEY) ON COMMIT DROP");

        db.Probes.Add(new Probe { Id = 1 });
        await db.SaveChangesAsync();

        savepoints.Created.ShouldBe(0);
        db.Database.CurrentTransaction!.GetDbTransaction().ShouldBeSameAs(session.Transaction);
    }

    internal sealed class Probe
    {
        public int Id { get; set; }
    }

    internal sealed class ProbeContext(DbContextOptions<ProbeContext> options) : DbContext(options)
    {
        public DbSet<Probe> Probes => Set<Probe>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Probe>().ToTable("probe");
    }

    private sealed class SavepointCounter : DbTransactionInterceptor
    {
        public int Created { get; private set; }

        public override ValueTask<InterceptionResult> CreatingSavepointAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Created++;
            return ValueTask.FromResult(result);
        }
    }
}
