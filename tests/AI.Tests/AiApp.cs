using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.SharedKernel.Security;
using Platform.TestKit;
using Platform.Users.Contracts;

namespace Platform.AI.Tests;

/// <summary>The real host with a gate that honours every well-signed token (the Users module is not here yet).</summary>
internal sealed class AiApp(IDictionary<string, string?>? settings = null) : PlatformApp(settings)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IAccessTokenGate, AcceptAllTokens>());
    }

    public HttpClient ClientFor(Guid tenantId, TenantRole role = TenantRole.Editor) =>
        CreateClient(AiTestTokens.Mint(Services.GetRequiredService<IConfiguration>(), tenantId, role));

    /// <summary>Inserts a tenant as the owner role, inside a session for that tenant (FORCE RLS binds the owner too).</summary>
    public async Task<Guid> CreateTenantAsync(decimal budgetLimit = 10m, decimal usage = 0m)
    {
        _ = Services; // the host migrates on start
        var tenantId = Guid.NewGuid();
        await using var connection = Database.OpenOwner();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "SELECT set_config('app.tenant_id', $1, true)", tenantId.ToString());
        await ExecuteAsync(connection, "INSERT INTO tenants.tenants (id, name, ai_budget_limit, ai_usage_current) VALUES ($1, 'Test tenant', $2, $3)",
            tenantId, budgetLimit, usage);
        await transaction.CommitAsync();
        return tenantId;
    }

    public async Task<decimal> UsageAsync(Guid tenantId) =>
        (decimal)(await ScalarAsync(tenantId, "SELECT ai_usage_current FROM tenants.tenants WHERE id = $1", tenantId))!;

    /// <summary>Runs a statement as the owner for one tenant (RLS applies) and commits it.</summary>
    public async Task<object?> ScalarAsync(Guid tenantId, string sql, params object[] parameters)
    {
        await using var connection = Database.OpenOwner();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "SELECT set_config('app.tenant_id', $1, true)", tenantId.ToString());
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        var result = await command.ExecuteScalarAsync();
        await transaction.CommitAsync();
        return result;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync();
    }

    private sealed class AcceptAllTokens : IAccessTokenGate
    {
        public ValueTask<bool> IsCurrentAsync(Guid userId, Guid tenantId, int tokenVersion, CancellationToken cancellationToken) => ValueTask.FromResult(true);
    }
}

internal static class HttpExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Polls an AI request until it is no longer PENDING.</summary>
    public static async Task<JsonElement> PollAsync(this HttpClient client, string location)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var current = await (await client.GetAsync(location)).JsonAsync();
            if (current.GetProperty("status").GetString() != "Pending")
            {
                return current;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The image job did not finish.");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, AiApp.Json);
}
