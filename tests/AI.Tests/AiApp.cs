using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Platform.Users.Contracts;

namespace Platform.AI.Tests;

/// <summary>The real host with a gate that honours every well-signed token (the Users module is not here yet).</summary>
internal sealed class AiApp : PlatformApp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="settings">Settings over the test kit's.</param>
    /// <param name="maxPoolSize">The app role's <c>Maximum Pool Size</c>, when a test needs a small pool.</param>
    public AiApp(IDictionary<string, string?>? settings = null, int? maxPoolSize = null) : base(settings) => MaxPoolSize = maxPoolSize;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IAccessTokenGate, AcceptAllTokens>());
    }

    public HttpClient ClientFor(Guid tenantId, TenantRole role = TenantRole.Editor) =>
        CreateClient(AiTestTokens.Mint(Services.GetRequiredService<IConfiguration>(), tenantId, role));

    /// <summary>
    /// Inserts a tenant as the owner role, inside a session for that tenant (FORCE RLS binds the owner too), with an
    /// active account on each of <paramref name="connected"/> (every platform when null), since AI generates only for those.
    /// </summary>
    /// <param name="budgetLimit">The tenant's own monthly cap; null for none (the plan's budget applies).</param>
    public async Task<Guid> CreateTenantAsync(decimal? budgetLimit = 10m, decimal usage = 0m, IReadOnlyList<SocialPlatform>? connected = null)
    {
        _ = Services; // the host migrates on start
        var tenantId = Guid.NewGuid();
        await using var connection = Database.OpenOwner();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "SELECT set_config('app.tenant_id', $1, true)", tenantId.ToString());
        await ExecuteAsync(connection, """
            INSERT INTO tenants.tenants (id, name, ai_budget_limit, ai_usage_current, ai_usage_month)
            VALUES ($1, 'Test tenant', $2, $3, date_trunc('month', now() AT TIME ZONE 'UTC')::date)
            """,
            tenantId, (object?)budgetLimit ?? DBNull.Value, usage);
        foreach (var platform in connected ?? SocialPlatforms.All)
        {
            await InsertAccountAsync(connection, tenantId, platform, "active");
        }
        await transaction.CommitAsync();
        return tenantId;
    }

    /// <summary>Adds an account in <paramref name="status"/> (the column's spelling: active, expired, revoked, needs_reconnect).</summary>
    public async Task ConnectAccountAsync(Guid tenantId, SocialPlatform platform, string status)
    {
        await using var connection = Database.OpenOwner();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "SELECT set_config('app.tenant_id', $1, true)", tenantId.ToString());
        await InsertAccountAsync(connection, tenantId, platform, status);
        await transaction.CommitAsync();
    }

    // AI only asks which platforms are connected, so the token is never decrypted and need not be a real ciphertext.
    private static Task InsertAccountAsync(NpgsqlConnection connection, Guid tenantId, SocialPlatform platform, string status) =>
        ExecuteAsync(connection, """
            INSERT INTO social_accounts.accounts (id, tenant_id, platform, external_id, display_name, status, access_token_cipher, key_id, connected_by)
            VALUES (gen_random_uuid(), $1, $2, gen_random_uuid()::text, 'Test account', $3, 'never-decrypted', 'dev', gen_random_uuid())
            """, tenantId, platform.Slug(), status);

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

        public ValueTask<bool> IsActiveAsync(Guid userId, Guid tenantId, CancellationToken cancellationToken) => ValueTask.FromResult(true);
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
