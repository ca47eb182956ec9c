using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Tokens;
using Platform.Tenants.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Caching;

/// <summary>
/// Two hosts on one database and one Redis, as in production: a value cached on host B, changed through host A, is read
/// anew on host B straight after the change returns, for every cached thing; and one tenant never sees another's entry.
/// </summary>
/// <remarks>
/// Host B hears of the change through Redis, on its own thread, typically within a millisecond; on a machine this loaded it
/// can take longer than the next in-process read, so reads after a change allow <see cref="Eventually"/>'s few seconds,
/// far below the minute an entry would otherwise live in B's memory.
/// </remarks>
public sealed class CacheAcrossHostsTests
{
    private PlatformApp changing = null!;
    private PlatformApp reading = null!;

    [OneTimeSetUp]
    public void StartHosts()
    {
        changing = new PlatformApp();
        reading = new PlatformApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Platform"] = changing.Database.AppConnectionString,
            ["ConnectionStrings:Owner"] = changing.Database.OwnerConnectionString,
            ["Redis:InstanceName"] = changing.Database.Name + ":",
        });
    }

    [OneTimeTearDown]
    public async Task StopHosts()
    {
        await reading.DisposeAsync();
        await changing.DisposeAsync();
    }

    [Test]
    public async Task Tenant_settings_changed_on_one_host_are_read_anew_on_the_other()
    {
        var owner = await changing.RegisterAsync();
        (await SettingsOnReaderAsync(owner)).TimeZone.ShouldBe("UTC");
        (await SettingsOnReaderAsync(owner)).TimeZone.ShouldBe("UTC");

        var patched = await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { settings = new { timeZone = "Europe/Paris", locale = "fr-FR" } });
        patched.StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.TrueAsync(async () => await SettingsOnReaderAsync(owner) == new TenantSettings("Europe/Paris", "fr-FR"),
            "host B should read the new settings");
    }

    [Test]
    public async Task Accounts_connected_marked_synced_and_disconnected_on_one_host_are_read_anew_on_the_other()
    {
        var owner = await changing.RegisterAsync();
        using var onReader = reading.CreateClient(owner.AccessToken);
        (await AccountsAsync(onReader)).ShouldBeEmpty();

        var accountId = await ConnectAsync(owner.TenantId, "first");
        await Eventually.TrueAsync(async () => (await AccountsAsync(onReader)).Count == 1, "host B should list the connected account");
        var connected = await AccountsAsync(onReader);
        connected.Select(a => a.GetProperty("id").GetGuid()).ShouldBe([accountId]);
        connected[0].GetProperty("status").GetString().ShouldBe("Active");

        await changing.WriteAsync(owner.TenantId, async services =>
        {
            var account = await services.GetRequiredService<SocialAccountsDbContext>().Accounts.SingleAsync(a => a.Id == accountId);
            account.MarkRefused(PlatformErrorKind.TokenRevoked, "revoked at the platform", DateTimeOffset.UtcNow);
            await services.GetRequiredService<SocialAccountsDbContext>().SaveChangesAsync();
        });
        await Eventually.TrueAsync(async () => (await onReader.GetFromJsonAsync<JsonElement>($"/api/v1/social-accounts/{accountId}"))
            .GetProperty("status").GetString() == "Revoked", "host B should show the account revoked");

        await changing.WriteAsync(owner.TenantId, services =>
            services.GetRequiredService<AccountAccess>().RecordSyncAsync(accountId, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1), CancellationToken.None));
        await Eventually.TrueAsync(async () => (await AccountsAsync(onReader))[0].GetProperty("lastSyncAt").ValueKind == JsonValueKind.String,
            "host B should show the last sync");

        await changing.WriteAsync(owner.TenantId, async services =>
        {
            var db = services.GetRequiredService<SocialAccountsDbContext>();
            db.Accounts.Remove(await db.Accounts.SingleAsync(a => a.Id == accountId));
            await db.SaveChangesAsync();
        });
        await Eventually.TrueAsync(async () => (await AccountsAsync(onReader)).Count == 0, "host B should no longer list the account");
        (await onReader.GetAsync($"/api/v1/social-accounts/{accountId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Accounts_read_by_another_module_on_the_other_host_are_read_anew()
    {
        var owner = await changing.RegisterAsync();
        (await reading.ReadAsync(owner.TenantId, services => services.GetRequiredService<ISocialAccounts>().ListAsync(CancellationToken.None))).ShouldBeEmpty();

        var accountId = await ConnectAsync(owner.TenantId, "looked-up");

        await Eventually.TrueAsync(async () =>
            (await reading.ReadAsync(owner.TenantId, services => services.GetRequiredService<ISocialAccounts>().FindAsync(accountId, CancellationToken.None)))
            ?.Status == AccountStatus.Active, "host B should find the connected account");
    }

    [Test]
    public async Task Templates_created_replaced_and_deleted_on_one_host_are_read_anew_on_the_other()
    {
        var owner = await changing.RegisterAsync();
        using var onReader = reading.CreateClient(owner.AccessToken);
        (await TemplatesAsync(onReader)).ShouldBeEmpty();

        var created = await owner.Client.PostAsJsonAsync("/api/v1/ai/templates", new { name = "Launch", body = "Announce {{product}}." });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.TrueAsync(async () => (await TemplatesAsync(onReader)).Count == 1, "host B should list the new template");
        (await TemplatesAsync(onReader)).Select(t => t.GetProperty("name").GetString()).ShouldBe(["Launch"]);
        (await onReader.GetFromJsonAsync<JsonElement>($"/api/v1/ai/templates/{id}")).GetProperty("body").GetString().ShouldBe("Announce {{product}}.");

        var replaced = await owner.Client.PutAsJsonAsync($"/api/v1/ai/templates/{id}", new { name = "Launch", body = "Introduce {{product}}." });
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => (await onReader.GetFromJsonAsync<JsonElement>($"/api/v1/ai/templates/{id}"))
            .GetProperty("body").GetString() == "Introduce {{product}}.", "host B should read the replaced template");

        (await owner.Client.DeleteAsync($"/api/v1/ai/templates/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Eventually.TrueAsync(async () => (await onReader.GetAsync($"/api/v1/ai/templates/{id}")).StatusCode == HttpStatusCode.NotFound,
            "host B should no longer find the template");
        (await TemplatesAsync(onReader)).ShouldBeEmpty();
    }

    [Test]
    public async Task One_tenants_cached_accounts_and_settings_never_reach_another()
    {
        var first = await changing.RegisterAsync();
        var second = await changing.RegisterAsync();
        using var firstOnReader = reading.CreateClient(first.AccessToken);
        using var secondOnReader = reading.CreateClient(second.AccessToken);
        await ConnectAsync(first.TenantId, "only-first");
        (await first.Client.PatchAsJsonAsync("/api/v1/tenant", new { settings = new { timeZone = "Asia/Tokyo", locale = "ja-JP" } })).EnsureSuccessStatusCode();

        await Eventually.TrueAsync(async () => (await AccountsAsync(firstOnReader)).Count == 1, "host B should list the first tenant's account");
        await Eventually.TrueAsync(async () => (await SettingsOnReaderAsync(first)).TimeZone == "Asia/Tokyo", "host B should read the first tenant's zone");

        (await AccountsAsync(secondOnReader)).ShouldBeEmpty();
        (await SettingsOnReaderAsync(second)).TimeZone.ShouldBe("UTC");
    }

    [Test]
    public async Task Without_Redis_a_host_reads_from_the_database_and_sees_its_own_changes()
    {
        var owner = await changing.RegisterAsync();
        (await owner.Client.PatchAsJsonAsync("/api/v1/tenant", new { settings = new { timeZone = "America/Denver", locale = "en-US" } })).EnsureSuccessStatusCode();
        var accountId = await ConnectAsync(owner.TenantId, "no-redis");
        await using var withoutRedis = new PlatformApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Platform"] = changing.Database.AppConnectionString,
            ["ConnectionStrings:Owner"] = changing.Database.OwnerConnectionString,
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200,asyncTimeout=500,syncTimeout=500",
        });

        var settings = await withoutRedis.ReadAsync(owner.TenantId, services => services.GetRequiredService<ITenantSettingsReader>().GetAsync(CancellationToken.None));
        var listed = await withoutRedis.ReadAsync(owner.TenantId, services => services.GetRequiredService<ISocialAccounts>().ListAsync(CancellationToken.None));
        await withoutRedis.WriteAsync(owner.TenantId, async services =>
        {
            var db = services.GetRequiredService<SocialAccountsDbContext>();
            (await db.Accounts.SingleAsync(a => a.Id == accountId)).MarkUnusable(AccountStatus.Expired, "expired", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        });
        var afterChange = await withoutRedis.ReadAsync(owner.TenantId, services => services.GetRequiredService<ISocialAccounts>().FindAsync(accountId, CancellationToken.None));

        settings.TimeZone.ShouldBe("America/Denver");
        listed.Select(a => a.Id).ShouldBe([accountId]);
        afterChange.ShouldNotBeNull().Status.ShouldBe(AccountStatus.Expired);
    }

    private Task<TenantSettings> SettingsOnReaderAsync(TestAccount owner) =>
        reading.ReadAsync(owner.TenantId, services => services.GetRequiredService<ITenantSettingsReader>().GetAsync(CancellationToken.None));

    /// <summary>Stores an account as connect does, through host A.</summary>
    private async Task<Guid> ConnectAsync(Guid tenantId, string externalId)
    {
        var id = Guid.NewGuid();
        await changing.WriteAsync(tenantId, async services =>
        {
            var now = DateTimeOffset.UtcNow;
            var account = new SocialAccount
            {
                Id = id, TenantId = tenantId, Platform = SocialPlatform.X, ExternalId = externalId, DisplayName = externalId,
                ConnectedBy = Guid.NewGuid(), CreatedAt = now,
            };
            services.GetRequiredService<AccountTokens>().Store(account, new TokenSet("access", "refresh", now.AddHours(2), "tweet.write"), now);
            var db = services.GetRequiredService<SocialAccountsDbContext>();
            db.Accounts.Add(account);
            await db.SaveChangesAsync();
        });
        return id;
    }

    private static async Task<List<JsonElement>> AccountsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/social-accounts")).GetProperty("items").EnumerateArray()];

    private static async Task<List<JsonElement>> TemplatesAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/ai/templates")).GetProperty("items").EnumerateArray()];
}
