using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;

namespace Platform.Analytics.Tests;

/// <summary>The real host; with <paramref name="platform"/>, the accounts' platform calls answer from it.</summary>
internal sealed class AnalyticsApp(IDictionary<string, string?>? settings = null, ISocialAccounts? platform = null) : PlatformApp(settings)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (platform is not null)
        {
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder,
                services => services.Replace(ServiceDescriptor.Singleton(platform)));
        }
    }

    public async Task<Guid> CreateTenantAsync()
    {
        _ = Services; // the host migrates on start
        var tenantId = Guid.NewGuid();
        await using var connection = Database.OpenOwner();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var enter = new Npgsql.NpgsqlCommand("SELECT set_config('app.tenant_id', $1, true)", connection))
        {
            enter.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tenantId.ToString() });
            await enter.ExecuteNonQueryAsync();
        }
        await using (var insert = new Npgsql.NpgsqlCommand("INSERT INTO tenants.tenants (id, name) VALUES ($1, 'Test tenant')", connection))
        {
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tenantId });
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return tenantId;
    }
}
