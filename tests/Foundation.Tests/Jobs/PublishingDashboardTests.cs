using System.Net;
using System.Text.Json;
using Npgsql;
using Platform.TestKit;
using Shouldly;

namespace Platform.Foundation.Tests.Jobs;

/// <summary>
/// The jobs dashboard's publishing pages: every tenant's targets for platform administrators only, each view audited,
/// read through the owner's narrow functions while row-level security stays on for the app role.
/// </summary>
public sealed class PublishingDashboardTests
{
    private const string PostContent = "secret post content";
    private const string StepValue = "secret-upload-session";

    private PlatformApp app = null!;
    private TestAccount admin = null!;
    private TestAccount alice = null!;
    private TestAccount bob = null!;
    private Guid aliceDue;
    private Guid bobDue;
    private Guid aliceSending;
    private Guid bobFailed;
    private Guid aliceRetrying;
    private Guid pausedAccount;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = new PlatformApp(new Dictionary<string, string?>
        {
            ["PlatformAdmins:Emails:0"] = "publishing-operator@example.com",
            // Seeded targets stay where they are put: no dispatcher claims them.
            ["Publishing:DispatcherEnabled"] = "false",
        });
        admin = await app.RegisterAsync(email: "publishing-operator@example.com");
        alice = await app.RegisterAsync();
        bob = await app.RegisterAsync();

        aliceDue = await SeedTargetAsync(alice, "pending", dueMinutesAgo: 5);
        bobDue = await SeedTargetAsync(bob, "pending", dueMinutesAgo: 90);
        aliceSending = await SeedTargetAsync(alice, "publishing", dueMinutesAgo: 1, leaseMinutes: 2);
        await SeedAttemptAsync(alice, aliceSending, 1, "started", sending: true, error: null);
        bobFailed = await SeedTargetAsync(bob, "failed", error: "<script>alert('x')</script> refused");
        await SeedAttemptAsync(bob, bobFailed, 1, "failed", sending: true, error: "<b>refused</b>");
        aliceRetrying = await SeedTargetAsync(alice, "pending", error: "Rate limited", retries: 1);
        pausedAccount = Guid.NewGuid();
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO posts.account_breakers (tenant_id, social_account_id, consecutive_failures, last_error_kind, paused_by, paused_at, paused_until)
            VALUES ($1, $2, 5, 'Transient', 'breaker', now(), now() + interval '10 minutes')
            """, bob.TenantId, pausedAccount);
    }

    [OneTimeTearDown]
    public Task Stop() => app.DisposeAsync().AsTask();

    [Test]
    public async Task Someone_not_a_platform_administrator_gets_no_page_and_leaves_no_audit_entry()
    {
        using var anonymous = DashboardBrowser.Open(app);

        var withoutSignIn = await anonymous.GetAsync("/hangfire/publishing");
        var tenantOwner = await alice.Client.GetAsync("/hangfire/publishing/dead-letter");

        withoutSignIn.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        tenantOwner.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await withoutSignIn.Content.ReadAsStringAsync()).ShouldNotContain(aliceDue.ToString());
        (await app.Database.CountAllAsync("audit.entries", $"actor_user_id = '{alice.UserId}' AND action LIKE 'platform.%'")).ShouldBe(0);
    }

    [Test]
    public async Task An_administrator_sees_due_targets_of_every_tenant_with_their_lateness_and_no_content()
    {
        using var browser = await DashboardBrowser.SignedInAsync(app, admin);

        var response = await browser.GetAsync("/hangfire/publishing");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Platform jobs");
        html.ShouldContain(aliceDue.ToString());
        html.ShouldContain(alice.TenantId.ToString());
        html.ShouldContain(bobDue.ToString());
        html.ShouldContain(bob.TenantId.ToString());
        html.ShouldContain("01:30:");
        html.ShouldContain(aliceSending.ToString());
        html.ShouldContain("Sending");
        html.ShouldNotContain(PostContent);
        html.ShouldNotContain(bobFailed.ToString());
    }

    [Test]
    public async Task Each_page_view_is_audited_as_the_administrators_read_without_a_tenant()
    {
        using var browser = await DashboardBrowser.SignedInAsync(app, admin);

        (await browser.GetAsync("/hangfire/publishing/paused")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var connection = app.Database.OpenSuperuser();
        await using var query = new NpgsqlCommand("""
            SELECT tenant_id IS NULL, actor_kind, resource_type, after->>'page' FROM audit.entries
            WHERE action = 'platform.publishing_overview_viewed' AND actor_user_id = $1 AND after->>'page' = 'paused'
            """, connection) { Parameters = { new NpgsqlParameter { Value = admin.UserId } } };
        await using var reader = await query.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("no audit entry of the page view");
        reader.GetBoolean(0).ShouldBeTrue();
        reader.GetString(1).ShouldBe("User");
        reader.GetString(2).ShouldBe("publishing");
    }

    [Test]
    public async Task Failures_show_attempts_with_encoded_errors_and_step_names_but_never_step_values()
    {
        using var browser = await DashboardBrowser.SignedInAsync(app, admin);

        var failures = await browser.GetStringAsync("/hangfire/publishing/failures");
        var deadLetter = await browser.GetStringAsync("/hangfire/publishing/dead-letter");

        failures.ShouldContain(bobFailed.ToString());
        failures.ShouldContain(aliceRetrying.ToString());
        failures.ShouldContain("&lt;script&gt;");
        failures.ShouldNotContain("<script>alert");
        failures.ShouldContain("&lt;b&gt;refused&lt;/b&gt;");
        failures.ShouldContain("upload_session");
        failures.ShouldNotContain(StepValue);
        deadLetter.ShouldContain(bobFailed.ToString());
        deadLetter.ShouldNotContain(aliceRetrying.ToString());
    }

    [Test]
    public async Task Paused_accounts_show_who_paused_them_and_what_waits()
    {
        using var browser = await DashboardBrowser.SignedInAsync(app, admin);

        var html = await browser.GetStringAsync("/hangfire/publishing/paused");

        html.ShouldContain(pausedAccount.ToString());
        html.ShouldContain("Breaker");
    }

    [Test]
    public async Task The_navigation_links_the_pages_and_the_metric_counts_due_unclaimed_targets()
    {
        using var browser = await DashboardBrowser.SignedInAsync(app, admin);
        var (header, token) = await DashboardBrowser.AntiforgeryAsync(browser);
        var home = await browser.GetStringAsync("/hangfire");

        using var stats = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("metrics[]", "publishing:due-unclaimed")]),
        };
        stats.Headers.Add(header, token);
        var response = await browser.SendAsync(stats);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        home.ShouldContain("href=\"/hangfire/publishing\"");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Alice's and Bob's due targets; the one a dispatcher holds is not unclaimed.
        json.RootElement.GetProperty("publishing:due-unclaimed").GetProperty("value").GetString().ShouldBe("2");
    }

    [Test]
    public async Task The_functions_answer_the_app_role_no_content_columns_and_no_content()
    {
        string[] forbidden = ["content", "custom_content", "options", "platform_post_id", "platform_url", "pause_reason", "last_error", "steps"];
        string[] calls =
        [
            "SELECT * FROM posts.overview_due_targets(1000)",
            "SELECT * FROM posts.overview_troubled_targets(false, 1000)",
            "SELECT * FROM posts.overview_paused_accounts(1000)",
        ];
        await using var connection = app.Database.OpenApp();
        foreach (var call in calls)
        {
            await using var command = new NpgsqlCommand(call, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            columns.ShouldNotBeEmpty();
            columns.Intersect(forbidden).ShouldBeEmpty(call);
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    (reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i)) ?? "").ShouldNotContain("secret", Case.Insensitive, call);
                }
            }
            rows.ShouldBeGreaterThan(0, call);
        }
    }

    [Test]
    public async Task Row_level_security_stays_on_and_the_app_role_still_sees_only_its_tenant()
    {
        foreach (var table in new[] { "posts.posts", "posts.post_targets", "posts.target_attempts", "posts.account_breakers" })
        {
            (await app.Database.SuperuserScalarAsync(
                "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = $1::regclass", table)).ShouldBe(true, table);
        }

        await TenantIsolation.AssertIsolatedAsync(app.Database, "posts.post_targets", alice.TenantId, bob.TenantId);
        await TenantIsolation.AssertIsolatedAsync(app.Database, "posts.posts", bob.TenantId, alice.TenantId);
        await TenantIsolation.AssertIsolatedAsync(app.Database, "posts.account_breakers", bob.TenantId, alice.TenantId);
    }

    private async Task<Guid> SeedTargetAsync(
        TestAccount tenant, string status, int? dueMinutesAgo = null, int? leaseMinutes = null, string? error = null, int retries = 0)
    {
        var postId = Guid.NewGuid();
        var targetId = Guid.NewGuid();
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO posts.posts (id, tenant_id, created_by, content, type, status) VALUES ($1, $2, $3, $4, 'text', 'scheduled')
            """, postId, tenant.TenantId, tenant.UserId, PostContent);
        await app.Database.SuperuserScalarAsync("""
            INSERT INTO posts.post_targets (id, tenant_id, post_id, social_account_id, platform, custom_content, status, error_kind, error_message, retry_count)
            VALUES ($1, $2, $3, $4, 'LinkedIn', $5, $6, $7, $8, $9)
            """, targetId, tenant.TenantId, postId, Guid.NewGuid(), PostContent, status,
            error is null ? DBNull.Value : "Transient", (object?)error ?? DBNull.Value, retries);
        if (dueMinutesAgo is { } minutes)
        {
            await app.Database.SuperuserScalarAsync("""
                INSERT INTO posts.publish_queue (target_id, tenant_id, due_at, lease_owner, lease_until)
                VALUES ($1, $2, now() - make_interval(mins => $3), $4, now() + make_interval(mins => $5))
                """, targetId, tenant.TenantId, minutes, leaseMinutes is null ? DBNull.Value : "worker-1", (object?)leaseMinutes ?? DBNull.Value);
        }
        return targetId;
    }

    private Task SeedAttemptAsync(TestAccount tenant, Guid targetId, int attempt, string outcome, bool sending, string? error) =>
        app.Database.SuperuserScalarAsync("""
            INSERT INTO posts.target_attempts (id, tenant_id, target_id, attempt, started_at, finished_at, outcome, error_kind, error, worker, steps, sending_at)
            VALUES ($1, $2, $3, $4, now(), CASE WHEN $5 = 'started' THEN NULL ELSE now() END, $5, $6, $7, 'worker-1',
                    jsonb_build_object('upload_session', $8::text), CASE WHEN $9 THEN now() END)
            """, Guid.NewGuid(), tenant.TenantId, targetId, attempt, outcome, error is null ? DBNull.Value : "Permanent",
            (object?)error ?? DBNull.Value, StepValue, sending);
}
