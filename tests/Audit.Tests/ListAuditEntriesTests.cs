using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Audit.Tests;

/// <summary><c>GET /api/v1/audit</c>: owners and admins only, filters, cursor paging, and 400 for what cannot mean anything.</summary>
public sealed class ListAuditEntriesTests
{
    private PlatformApp app = null!;
    private TestAccount owner = null!;
    private TestAccount admin = null!;
    private readonly List<Guid> createdUsers = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        app = AuditHost.Start();
        owner = await app.RegisterAsync();
        admin = await app.AddUserAsync(owner, "Admin");
        for (var i = 0; i < 7; i++)
        {
            var user = await (await admin.Client.PostAsJsonAsync("/api/v1/users",
                new { email = $"paged-{i}-{Guid.NewGuid():N}@example.com", password = TestAccounts.Password, role = "Viewer" })).CreatedAsync();
            createdUsers.Add(user.GetProperty("id").GetGuid());
        }
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task Pages_walk_the_whole_log_newest_first_without_repeats_or_gaps()
    {
        var (everything, last) = await owner.ReadAuditAsync("limit=100");
        last.ShouldBeNull();
        everything.Count.ShouldBeGreaterThanOrEqualTo(10);

        var walked = new List<Guid>();
        string? cursor = null;
        do
        {
            var (items, next) = await owner.ReadAuditAsync("limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            items.Count.ShouldBeLessThanOrEqualTo(3);
            walked.AddRange(items.Select(e => e.GetProperty("id").GetGuid()));
            cursor = next;
        }
        while (cursor is not null);

        walked.ShouldBe(everything.Select(e => e.GetProperty("id").GetGuid()).ToList());
        var times = everything.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
    }

    [Test]
    public async Task A_page_stays_stable_when_newer_entries_arrive_while_paging()
    {
        var (first, cursor) = await owner.ReadAuditAsync("limit=4");
        cursor.ShouldNotBeNull();
        var (expected, _) = await owner.ReadAuditAsync($"limit=4&cursor={cursor}");
        await app.LoginAsync(owner.Email, owner.Password); // a newer entry
        var (second, _) = await owner.ReadAuditAsync($"limit=4&cursor={cursor}");

        second.Select(e => e.GetProperty("id").GetGuid()).ShouldBe(expected.Select(e => e.GetProperty("id").GetGuid()));
        second.Select(e => e.GetProperty("id").GetGuid()).ShouldNotContain(id => first.Any(f => f.GetProperty("id").GetGuid() == id));
    }

    [Test]
    public async Task Filters_by_actor_action_resource_and_time()
    {
        var byAdmin = await owner.ReadAuditAsync($"actor={admin.UserId}&action=user.created&limit=100");
        byAdmin.Items.Select(e => e.GetProperty("resourceId").GetGuid()).ShouldBe(createdUsers, ignoreOrder: true);

        var (oneUser, _) = await owner.ReadAuditAsync($"resourceType=user&resourceId={createdUsers[0]}");
        oneUser.Count.ShouldBe(1);
        oneUser[0].Text("action").ShouldBe("user.created");

        var (signIns, _) = await owner.ReadAuditAsync("action=auth.sign_in_succeeded&limit=100");
        signIns.ShouldNotBeEmpty();
        signIns.ShouldAllBe(e => e.Text("action") == "auth.sign_in_succeeded");

        var middle = byAdmin.Items.OrderBy(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ElementAt(3).GetProperty("occurredAt").GetDateTimeOffset();
        var from = Uri.EscapeDataString(middle.ToString("O"));
        var (later, _) = await owner.ReadAuditAsync($"action=user.created&actor={admin.UserId}&from={from}&limit=100");
        later.ShouldAllBe(e => e.GetProperty("occurredAt").GetDateTimeOffset() >= middle);
        later.Count.ShouldBe(4);
        var (earlier, _) = await owner.ReadAuditAsync($"action=user.created&actor={admin.UserId}&to={from}&limit=100");
        earlier.Count.ShouldBe(3);
    }

    [TestCase("action=user.exploded", "action")]
    [TestCase("resourceType=spaceship", "resource type")]
    [TestCase("actor=not-a-uuid", "actor")]
    [TestCase("resourceId=42", "resourceId")]
    [TestCase("from=yesterday", "from")]
    [TestCase("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "before")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    [TestCase("cursor=AQAAAAAAAAAAAAAAAAAAAAAAAAA", "cursor")]
    public async Task A_filter_or_cursor_that_cannot_mean_anything_is_a_400(string query, string named)
    {
        var problem = await (await owner.Client.GetAsync($"/api/v1/audit?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString()!.ShouldContain(named);
    }

    [TestCase("Editor")]
    [TestCase("Viewer")]
    public async Task Members_who_are_not_owners_or_admins_are_refused(string role)
    {
        var member = await app.AddUserAsync(owner, role);
        (await member.Client.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_api_key_is_refused_whatever_its_scopes()
    {
        var key = await (await owner.Client.PostAsJsonAsync("/api/v1/api-keys",
            new { name = "Everything", scopes = new[] { "posts:read", "posts:write", "publish", "accounts:read", "analytics:read", "ai:generate", "media:write" } })).CreatedAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.GetProperty("key").GetString());

        await (await client.GetAsync("/api/v1/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_anonymous_caller_is_refused()
    {
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
