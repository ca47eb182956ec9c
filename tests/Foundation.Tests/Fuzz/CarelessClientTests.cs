using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Fuzz;

/// <summary>
/// Reads the host's own OpenAPI document and sends every operation, as the owner of a tenant with data, the bad
/// values a careless client sends: each route and query parameter, the body as a whole and each body property
/// missing, null, of the wrong type, with a NUL character, out of range. Nothing may answer 5xx, every 4xx is
/// problem details, and a refused request leaves every row of the tenant as it was.
/// </summary>
public sealed class CarelessClientTests
{
    /// <summary>Operations without parameters or body: there is no input to make bad. Kept explicit so none is skipped silently.</summary>
    private static readonly Dictionary<string, string> TakeNoInput = new()
    {
        ["GET /api/v1/me"] = "no parameters, no body",
        ["POST /api/v1/me/mfa/enroll"] = "no parameters, no body",
        ["POST /api/v1/auth/logout"] = "no parameters, no body (the refresh token is revoked through the access token)",
        ["POST /api/v1/auth/verify-email/resend"] = "no parameters, no body (the caller's own address)",
        ["GET /api/v1/tenant"] = "no parameters, no body",
        ["GET /api/v1/webhooks"] = "no parameters, no body",
        ["POST /api/v1/analytics/refresh"] = "no parameters, no body (the whole tenant is refreshed)",
        ["GET /api/v1/notifications/preferences"] = "no parameters, no body (the caller's own)",
        ["POST /api/v1/notifications/read-all"] = "no parameters, no body (the caller's own)",
        ["GET /api/v1/notifications/stream"] = "no parameters, no body (a malformed Last-Event-ID header is refused in Notifications.Tests)",
        ["GET /api/v1/billing"] = "no parameters, no body",
        ["GET /api/v1/billing/plans"] = "no parameters, no body",
        ["POST /api/v1/billing/portal"] = "no parameters, no body",
        ["POST /api/v1/billing/webhook"] = "Stripe's signed raw body; unsigned, forged, stale and tampered bodies are refused in Billing.Tests",
    };

    private FakePlatform x = null!;
    private PlatformApp app = null!;
    private TestAccount owner = null!;
    private Guid accountId;
    private Guid postId;
    private Guid targetId;
    private Guid templateId;
    private Guid aiRequestId;
    private Guid editorId;
    private Guid mediaId;
    private Guid webhookId;
    private Guid deliveryId;

    /// <summary>A valid 1×1 PNG, so the library holds an item the media routes can name.</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        x = await FakePlatform.StartAsync();
        var settings = FakeX.Settings(x);
        settings["SocialAccounts:HttpTimeoutSeconds"] = "2";
        // Nothing changes rows behind the requests' backs, so a snapshot changes only through a request.
        settings["Hangfire:ServerEnabled"] = "false";
        settings["Publishing:DispatcherEnabled"] = "false";
        settings["Outbox:ProcessorEnabled"] = "false";
        settings["Webhooks:DispatcherEnabled"] = "false";
        app = new PlatformApp(settings);
        owner = await app.RegisterAsync();
        accountId = await owner.ConnectXAsync(x);
        var post = await Created(await owner.Client.PostAsJsonAsync("/api/v1/posts",
            new { title = "Seed", content = "Seed post", type = "text", targets = new[] { new { accountId } } }));
        postId = post.GetProperty("id").GetGuid();
        targetId = post.GetProperty("targets")[0].GetProperty("id").GetGuid();
        templateId = (await Created(await owner.Client.PostAsJsonAsync("/api/v1/ai/templates",
            new { name = "Seed", body = "Write about {{topic}}", brandVoice = "warm" }))).GetProperty("id").GetGuid();
        (await owner.Client.PostAsJsonAsync("/api/v1/ai/captions", new { prompt = "Our launch", platforms = new[] { "x" }, variants = 1 }))
            .EnsureSuccessStatusCode();
        aiRequestId = (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/ai/requests")).GetProperty("items")[0].GetProperty("id").GetGuid();
        editorId = (await app.AddUserAsync(owner, "editor")).UserId;
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(OnePixelPng);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        upload.Add(file, "file", "seed.png");
        mediaId = (await Created(await owner.Client.PostAsync("/api/v1/media", upload))).GetProperty("id").GetGuid();
        webhookId = (await Created(await owner.Client.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://93.184.215.14/hooks", eventTypes = new[] { "post.published" } }))).GetProperty("subscription").GetProperty("id").GetGuid();
        var ping = await owner.Client.PostAsync($"/api/v1/webhooks/{webhookId}/ping", null);
        ping.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        deliveryId = (await ping.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await app.DisposeAsync();
        await x.DisposeAsync();
    }

    [Test]
    public async Task Every_operation_refuses_bad_input_with_a_4xx_problem_and_changes_nothing()
    {
        var document = JsonDocument.Parse(await owner.Client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var operations = ApiOperation.ReadAll(document);
        var values = new SchemaValues(document, Hint);
        var snapshot = await TenantSnapshot.ForAsync(app.Database, owner.TenantId);
        var failures = new List<string>();
        var state = await snapshot.TakeAsync();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        operations.Where(o => !o.TakesInput).Select(o => o.Name).Order().ShouldBe(TakeNoInput.Keys.Order(),
            "operations that take no input are listed with a reason; every other one is exercised");
        var slowest = new List<(TimeSpan Took, string Operation)>();
        foreach (var operation in operations.Where(o => o.TakesInput))
        {
            var started = clock.Elapsed;
            foreach (var bad in BadRequestCase.For(operation, values, RouteValue))
            {
                using var request = bad.Build();
                using var response = await owner.Client.SendAsync(request);
                sent++;
                var where = $"{operation.Name} [{bad.Label}]";
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{where}: {status} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }
                if (status >= 400 && await ProblemFaultAsync(response) is { } fault)
                {
                    failures.Add($"{where}: {status} {fault}");
                }
                if (operation.Method == "GET")
                {
                    // GET reads in read-only transactions (docs/adr/0005): it cannot write, so no snapshot is needed.
                    continue;
                }
                var after = await snapshot.TakeAsync();
                if (status >= 400 && TenantSnapshot.Differences(state, after) is { Length: > 0 } changed)
                {
                    failures.Add($"{where}: answered {status} but changed {changed}");
                }
                state = after;
            }
            // A bad request must not cost the owner its session: the rest of the run would prove nothing.
            var me = await owner.Client.GetAsync("/api/v1/me");
            me.StatusCode.ShouldBe(HttpStatusCode.OK, $"the owner's token stopped working after {operation.Name}");
            slowest.Add((clock.Elapsed - started, operation.Name));
        }

        TestContext.Out.WriteLine($"{sent} bad requests to {operations.Count(o => o.TakesInput)} operations in {clock.Elapsed.TotalSeconds:0} s; slowest: "
            + string.Join(", ", slowest.OrderByDescending(s => s.Took).Take(5).Select(s => $"{s.Operation} {s.Took.TotalSeconds:0.0} s")));
        sent.ShouldBeGreaterThan(1000);
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(60)) + (failures.Count > 60 ? $"\n... and {failures.Count - 60} more" : ""));
    }

    [Test]
    public async Task The_snapshot_sees_a_single_changed_column()
    {
        var snapshot = await TenantSnapshot.ForAsync(app.Database, owner.TenantId);
        var before = await snapshot.TakeAsync();
        (await ExecuteAsOwnerAsync("UPDATE posts.posts SET title = title || '!' WHERE id = $1", postId)).ShouldBe(1);
        var changed = await snapshot.TakeAsync();
        (await ExecuteAsOwnerAsync("UPDATE posts.posts SET title = left(title, -1) WHERE id = $1", postId)).ShouldBe(1);
        var restored = await snapshot.TakeAsync();

        TenantSnapshot.Differences(before, changed).ShouldStartWith("posts.posts ");
        TenantSnapshot.Differences(before, restored).ShouldBeEmpty();
    }

    private async Task<int> ExecuteAsOwnerAsync(string sql, Guid id)
    {
        await using var connection = app.Database.OpenOwner();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var enter = new Npgsql.NpgsqlCommand($"SELECT set_config('app.tenant_id', '{owner.TenantId}', true)", connection, transaction);
        await enter.ExecuteNonQueryAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection, transaction) { Parameters = { new() { Value = id } } };
        var rows = await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>The tenant's real rows for route parameters, so a request gets as far into its handler as the bad value lets it.</summary>
    private string RouteValue(string path, string name)
    {
        var before = path[..path.IndexOf("{" + name + "}", StringComparison.Ordinal)].TrimEnd('/');
        var collection = before[(before.LastIndexOf('/') + 1)..];
        return (name, collection) switch
        {
            ("platform", _) => "x",
            ("postId", _) or ("id", "posts") => postId.ToString(),
            ("targetId", _) => targetId.ToString(),
            ("accountId", _) or ("id", "social-accounts") => accountId.ToString(),
            ("id", "templates") => templateId.ToString(),
            ("id", "requests") => aiRequestId.ToString(),
            ("id", "users") => editorId.ToString(),
            ("id", "media") => mediaId.ToString(),
            ("id", "webhooks") => webhookId.ToString(),
            ("deliveryId", _) => deliveryId.ToString(),
            ("id", "uploads") => Guid.NewGuid().ToString(),
            _ => throw new InvalidOperationException($"No value for route parameter {name} of {path}: add one."),
        };
    }

    /// <summary>Sensible values where the schema's type alone says too little, so a request fails only where it is meant to.</summary>
    private JsonNode? Hint(string property) => property.ToLowerInvariant() switch
    {
        "accountid" => accountId.ToString(),
        "templateid" => templateId.ToString(),
        "type" => "text",
        "platform" => "x",
        "platforms" => new JsonArray("x"),
        "eventtypes" => new JsonArray("post.published"),
        "kind" => "image",
        "contenttype" => "image/png",
        "url" => "https://example.com/a.png",
        "link" => "https://example.com/",
        "email" => $"fuzz-{Guid.NewGuid():N}@example.com",
        "password" => TestAccounts.Password,
        "newpassword" => "another-correct-horse-battery",
        "timezone" => "Europe/Berlin",
        "redirecturi" => "https://app.example/callback",
        "scheduledat" => DateTimeOffset.UtcNow.AddDays(3).ToString("O"),
        "content" or "text" => "Our launch is next week",
        "prompt" => "A launch announcement",
        "goal" => "shorter",
        _ => null,
    };

    /// <summary>Why a 4xx answer is not RFC 9457 problem details with type, title, status and the correlation id; null when it is.</summary>
    private static async Task<string?> ProblemFaultAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not problem details ({response.Content.Headers.ContentType}): {text}";
        }
        var problem = JsonDocument.Parse(text).RootElement;
        foreach (var member in new[] { "type", "title" })
        {
            if (!problem.TryGetProperty(member, out var value) || string.IsNullOrWhiteSpace(value.GetString()))
            {
                return $"no {member}: {text}";
            }
        }
        if (!problem.TryGetProperty("status", out var status) || status.GetInt32() != (int)response.StatusCode)
        {
            return $"status missing or not {(int)response.StatusCode}: {text}";
        }
        var correlationId = response.Headers.TryGetValues("X-Correlation-Id", out var header) ? header.Single() : null;
        if (correlationId is null || !problem.TryGetProperty("correlationId", out var echoed) || echoed.GetString() != correlationId)
        {
            return $"no correlation id matching the X-Correlation-Id header: {text}";
        }
        return null;
    }

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
