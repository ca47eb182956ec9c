using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.ApiKeys.Tests;

/// <summary>Keys through the real host: managing them, calling with them, their scopes, tenants and refusals.</summary>
public sealed class ApiKeyEndpointsTests
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(2);

    private FakePlatform x = null!;
    private PlatformApp app = null!;
    private TestAccount owner = null!;
    private TestAccount otherOwner = null!;
    private Guid postId;
    private Guid otherPostId;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        x = await FakePlatform.StartAsync();
        var settings = FakeX.Settings(x);
        settings["ApiKeys:ValidationCacheDuration"] = CacheDuration.ToString();
        settings["Publishing:DispatcherEnabled"] = "false";
        app = new PlatformApp(settings);
        owner = await app.RegisterAsync();
        otherOwner = await app.RegisterAsync();
        postId = await CreatePostAsync(owner.Client, await owner.ConnectXAsync(x));
        otherPostId = await CreatePostAsync(otherOwner.Client, await otherOwner.ConnectXAsync(x));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await app.DisposeAsync();
        await x.DisposeAsync();
    }

    [Test]
    public async Task A_created_key_is_listed_and_revoked_and_its_secret_is_neither_shown_again_nor_stored()
    {
        var created = await owner.Client.PostAsJsonAsync("/api/v1/api-keys",
            new { name = "Zapier", scopes = new[] { "posts:read", "publish" }, expiresAt = DateTimeOffset.UtcNow.AddDays(30) });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var key = body.GetProperty("key").GetString()!;
        key.ShouldStartWith("plk_");
        body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(["posts:read", "publish"]);

        var secret = key["plk_".Length..][33..];
        Base64Url.DecodeFromChars(secret).Length.ShouldBeGreaterThanOrEqualTo(32);
        var row = (string)(await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT k::text FROM api_keys.keys k WHERE id = $1", id))!;
        row.ShouldNotContain(secret);
        var hash = (byte[])(await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT secret_hash FROM api_keys.keys WHERE id = $1", id))!;
        hash.ShouldBe(SHA256.HashData(Base64Url.DecodeFromChars(secret)));

        var listed = await owner.Client.GetStringAsync("/api/v1/api-keys?pageSize=100");
        listed.ShouldNotContain(secret);
        var item = JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        item.GetProperty("name").GetString().ShouldBe("Zapier");
        item.GetProperty("state").GetString().ShouldBe("Active");
        item.GetProperty("createdBy").GetGuid().ShouldBe(owner.UserId);

        (await owner.Client.PostAsync($"/api/v1/api-keys/{id}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var revoked = JsonDocument.Parse(await owner.Client.GetStringAsync("/api/v1/api-keys?pageSize=100")).RootElement
            .GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        revoked.GetProperty("state").GetString().ShouldBe("Revoked");
    }

    [Test]
    public async Task A_key_reads_its_tenants_posts_and_not_another_tenants()
    {
        var (_, key) = await owner.CreateKeyAsync("posts:read");
        using var client = app.WithKey(key);

        var posts = await client.GetFromJsonAsync<JsonElement>("/api/v1/posts");
        posts.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldBe([postId]);
        (await client.GetAsync($"/api/v1/posts/{postId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/posts/{otherPostId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_key_writes_within_its_scopes_as_the_user_who_created_it()
    {
        var (_, key) = await owner.CreateKeyAsync("posts:write", "accounts:read");
        using var client = app.WithKey(key);
        var accountId = (await client.GetFromJsonAsync<JsonElement>("/api/v1/social-accounts")).GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();

        var created = await CreatePostAsync(client, accountId);

        var createdBy = await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT created_by FROM posts.posts WHERE id = $1", created);
        createdBy.ShouldBe(owner.UserId);
    }

    [TestCase("posts:read", "POST", "/api/v1/posts", "posts:write")]
    [TestCase("posts:write", "GET", "/api/v1/posts", "posts:read")]
    [TestCase("posts:write", "POST", "/api/v1/posts/{post}/schedule", "publish")]
    [TestCase("posts:write", "GET", "/api/v1/calendar", "posts:read")]
    [TestCase("posts:read", "GET", "/api/v1/social-accounts", "accounts:read")]
    [TestCase("posts:read", "GET", "/api/v1/analytics/summary", "analytics:read")]
    [TestCase("posts:read", "GET", "/api/v1/ai/requests", "ai:generate")]
    [TestCase("posts:read", "GET", "/api/v1/media", "media:write")]
    [TestCase("posts:read", "GET", "/api/v1/webhooks", "webhooks:manage")]
    [TestCase("posts:write", "POST", "/api/v1/webhooks", "webhooks:manage")]
    public async Task A_key_without_the_scope_an_endpoint_needs_is_refused_naming_it(string held, string method, string path, string missing)
    {
        var (_, key) = await owner.CreateKeyAsync(held);
        using var client = app.WithKey(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{post}", postId.ToString(), StringComparison.Ordinal));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { });
        }

        var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem.GetProperty("requiredScope").GetString().ShouldBe(missing);
        problem.GetProperty("detail").GetString()!.ShouldContain(missing);
    }

    [Test]
    public async Task A_key_with_webhooks_manage_subscribes_lists_and_removes_its_tenants_webhooks()
    {
        var (_, key) = await owner.CreateKeyAsync("webhooks:manage");
        using var client = app.WithKey(key);

        var created = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/integrator", eventTypes = new[] { "post.published" } });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetGuid();
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/webhooks")).EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ShouldContain(id);
        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM webhooks.subscriptions WHERE id = $1", id)).ShouldBe(1L);
        (await client.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [TestCase("GET", "/api/v1/api-keys")]
    [TestCase("POST", "/api/v1/api-keys")]
    [TestCase("GET", "/api/v1/users")]
    [TestCase("GET", "/api/v1/users/invitations")]
    [TestCase("PATCH", "/api/v1/tenant")]
    [TestCase("POST", "/api/v1/social-accounts/connect")]
    public async Task A_key_with_every_scope_cannot_manage_keys_users_or_the_tenant(string method, string path)
    {
        var (_, key) = await owner.CreateKeyAsync(
            "posts:read", "posts:write", "publish", "accounts:read", "analytics:read", "ai:generate", "media:write", "webhooks:manage");
        using var client = app.WithKey(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { name = "x", scopes = new[] { "posts:read" } }) };

        var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem.TryGetProperty("requiredScope", out _).ShouldBeFalse();
        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM api_keys.keys WHERE name = 'x'")).ShouldBe(0L);
    }

    [Test]
    public async Task Malformed_unknown_revoked_and_expired_keys_are_refused_with_401()
    {
        var (revokedId, revoked) = await owner.CreateKeyAsync("posts:read");
        (await owner.Client.PostAsync($"/api/v1/api-keys/{revokedId}/revoke", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (expiredId, expired) = await owner.CreateKeyAsync("posts:read");
        await app.Database.ScalarAsTenantAsync(owner.TenantId, "UPDATE api_keys.keys SET expires_at = created_at + interval '1 millisecond' WHERE id = $1", expiredId);
        var (_, valid) = await owner.CreateKeyAsync("posts:read");
        var unknown = "plk_" + Guid.NewGuid().ToString("N") + valid[36..];
        var wrongSecret = valid[..37] + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

        foreach (var key in new[] { "plk_", "plk_not-a-key", valid + "x", unknown, wrongSecret, revoked, expired })
        {
            using var client = app.WithKey(key);
            await (await client.GetAsync("/api/v1/posts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }
        using var validClient = app.WithKey(valid);
        (await validClient.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task The_keys_of_a_deactivated_creator_stop_at_once_and_come_back_when_they_are_activated_again()
    {
        var admin = await app.AddUserAsync(owner, "Admin");
        var (_, key) = await admin.CreateKeyAsync("posts:read");
        using var client = app.WithKey(key);
        (await client.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await owner.Client.PostAsync($"/api/v1/users/{admin.UserId}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await (await client.GetAsync("/api/v1/posts")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        refused.GetProperty("detail").GetString()!.ShouldContain("deactivated");
        (await owner.Client.PostAsync($"/api/v1/users/{admin.UserId}/activate", null)).IsSuccessStatusCode.ShouldBeTrue();
        (await client.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_key_revoked_elsewhere_stops_working_within_the_validation_cache_duration()
    {
        var (id, key) = await owner.CreateKeyAsync("posts:read");
        using var client = app.WithKey(key);
        (await client.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // As another host would: the row changes, this host's cache is not told.
        await app.Database.ScalarAsTenantAsync(owner.TenantId, "UPDATE api_keys.keys SET revoked_at = now() WHERE id = $1", id);
        var revokedAt = DateTimeOffset.UtcNow;
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync("/api/v1/posts")).StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTimeOffset.UtcNow - revokedAt < CacheDuration + TimeSpan.FromSeconds(3));

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Last_use_is_recorded_at_most_once_a_minute()
    {
        var (id, key) = await owner.CreateKeyAsync("posts:read");
        using var client = app.WithKey(key);
        (await client.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = await LastUsedAsync(id);
        first.ShouldNotBeNull();

        (await client.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LastUsedAsync(id)).ShouldBe(first);

        var listed = JsonDocument.Parse(await owner.Client.GetStringAsync("/api/v1/api-keys?pageSize=100")).RootElement
            .GetProperty("items").EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == id);
        listed.GetProperty("lastUsedAt").GetDateTimeOffset().ShouldBe(first.Value, TimeSpan.FromMilliseconds(1));
    }

    [TestCase("viewer")]
    [TestCase("editor")]
    public async Task Only_owners_and_admins_create_keys(string role)
    {
        var member = await app.AddUserAsync(owner, role);
        var response = await member.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Mine", scopes = new[] { "posts:read" } });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM api_keys.keys WHERE name = 'Mine'")).ShouldBe(0L);

        var admin = await app.AddUserAsync(owner, "admin");
        (await admin.CreateKeyAsync("posts:read")).Key.ShouldStartWith("plk_");
    }

    private static readonly object[] BadRequests =
    [
        new object[] { """{"name":"Bad","scopes":[]}""" },
        new object[] { """{"name":"Bad","scopes":null}""" },
        new object[] { """{"name":"Bad"}""" },
        new object[] { """{"name":"Bad","scopes":["posts:delete"]}""" },
        new object[] { """{"name":"Bad","scopes":["PostsRead"]}""" },
        new object[] { """{"name":"Bad","scopes":[99]}""" },
        new object[] { """{"name":"Bad","scopes":["posts:read"],"expiresAt":"2020-01-01T00:00:00Z"}""" },
        new object[] { """{"name":"","scopes":["posts:read"]}""" },
        new object[] { """{"scopes":["posts:read"]}""" },
        new object[] { "{\"name\":\"" + new string('n', 101) + "\",\"scopes\":[\"posts:read\"]}" },
    ];

    [TestCaseSource(nameof(BadRequests))]
    public async Task Bad_input_is_refused_with_400_and_stores_nothing(string json)
    {
        var before = await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM api_keys.keys");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        await (await owner.Client.PostAsync("/api/v1/api-keys", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        (await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT count(*) FROM api_keys.keys")).ShouldBe(before);
    }

    [Test]
    public async Task Another_tenants_key_cannot_be_revoked()
    {
        var (id, key) = await owner.CreateKeyAsync("posts:read");

        await (await otherOwner.Client.PostAsync($"/api/v1/api-keys/{id}/revoke", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        using var client = app.WithKey(key);
        (await client.GetAsync("/api/v1/posts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<DateTimeOffset?> LastUsedAsync(Guid id) =>
        await app.Database.ScalarAsTenantAsync(owner.TenantId, "SELECT last_used_at FROM api_keys.keys WHERE id = $1", id) switch
        {
            DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
            DateTimeOffset value => value,
            _ => null,
        };

    private static async Task<Guid> CreatePostAsync(HttpClient client, Guid accountId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/posts",
            new { title = "Launch", content = "Hello", type = "text", targets = new[] { new { accountId } } });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
