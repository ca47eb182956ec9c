using System.Net;
using System.Net.Http.Json;
using Platform.TestKit;
using Shouldly;

namespace Platform.Audit.Tests;

/// <summary>Social accounts and posts, against a local X: each change recorded with actor, resource and summary.</summary>
public sealed class ContentActionsTests
{
    private FakePlatform x = null!;
    private PlatformApp app = null!;
    private TestAccount owner = null!;
    private Guid accountId;

    [OneTimeSetUp]
    public async Task Start()
    {
        x = await FakePlatform.StartAsync();
        var settings = FakeX.Settings(x);
        // Nothing is published: the tests look at what was recorded when posts were queued.
        settings["Publishing:DispatcherEnabled"] = "false";
        app = AuditHost.Start(settings);
        owner = await app.RegisterAsync();
        accountId = await owner.ConnectXAsync(x);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await x.DisposeAsync();
    }

    [Test]
    public async Task Connecting_an_account_is_recorded_with_its_platform_and_handle()
    {
        var entry = await owner.SingleEntryAsync("account.connected", accountId);
        entry.Text("resourceType").ShouldBe("social_account");
        entry.GetProperty("after").GetProperty("platform").GetString().ShouldBe("X");
        entry.GetProperty("after").GetProperty("handle").GetString().ShouldBe("xdevelopers");
        entry.GetProperty("actor").GetProperty("userId").GetGuid().ShouldBe(owner.UserId);
    }

    [Test]
    public async Task A_post_created_edited_scheduled_and_deleted_is_recorded_without_its_text()
    {
        var post = await (await owner.Client.PostAsJsonAsync("/api/v1/posts",
            new { title = "Launch", content = "Private launch text", type = "text", targets = new[] { new { accountId } } })).CreatedAsync();
        var postId = post.GetProperty("id").GetGuid();
        (await owner.Client.PutAsJsonAsync($"/api/v1/posts/{postId}",
            new { title = "Launch day", content = "Private launch text, edited", type = "text", targets = new[] { new { accountId } } })).EnsureSuccessStatusCode();
        var at = DateTimeOffset.UtcNow.AddDays(2);
        var scheduled = await owner.Client.PostAsJsonAsync($"/api/v1/posts/{postId}/schedule", new { scheduledAt = at.ToString("O") });
        scheduled.StatusCode.ShouldBe(HttpStatusCode.OK, await scheduled.Content.ReadAsStringAsync());
        (await owner.Client.DeleteAsync($"/api/v1/posts/{postId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var created = await owner.SingleEntryAsync("post.created", postId);
        created.GetProperty("after").GetProperty("title").GetString().ShouldBe("Launch");
        created.GetProperty("after").GetProperty("accounts")[0].GetGuid().ShouldBe(accountId);
        var edited = await owner.SingleEntryAsync("post.edited", postId);
        edited.GetProperty("before").GetProperty("title").GetString().ShouldBe("Launch");
        edited.GetProperty("after").GetProperty("title").GetString().ShouldBe("Launch day");
        var queued = await owner.SingleEntryAsync("post.scheduled", postId);
        queued.GetProperty("after").GetProperty("status").GetString().ShouldBe("Scheduled");
        queued.GetProperty("after").GetProperty("scheduledAt").GetDateTimeOffset().ShouldBe(at, TimeSpan.FromSeconds(1));
        (await owner.SingleEntryAsync("post.deleted", postId)).GetProperty("before").GetProperty("title").GetString().ShouldBe("Launch day");

        var (all, _) = await owner.ReadAuditAsync($"resourceId={postId}");
        all.Count.ShouldBe(4);
        all.ShouldAllBe(e => !e.ToString().Contains("Private launch text"));
    }

    [Test]
    public async Task Publishing_now_is_recorded_apart_from_scheduling()
    {
        var post = await (await owner.Client.PostAsJsonAsync("/api/v1/posts",
            new { title = "Now", content = "Right away", type = "text", targets = new[] { new { accountId } } })).CreatedAsync();
        var postId = post.GetProperty("id").GetGuid();
        (await owner.Client.PostAsync($"/api/v1/posts/{postId}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        (await owner.SingleEntryAsync("post.published_now", postId)).GetProperty("actor").GetProperty("kind").GetString().ShouldBe("User");
        (await owner.ReadAuditAsync($"action=post.scheduled&resourceId={postId}")).Items.ShouldBeEmpty();
    }

    [Test]
    public async Task Pausing_and_resuming_an_account_and_disconnecting_another_are_recorded()
    {
        (await owner.Client.PostAsJsonAsync($"/api/v1/posts/account-health/{accountId}/pause", new { reason = "Holiday" })).EnsureSuccessStatusCode();
        (await owner.Client.PostAsync($"/api/v1/posts/account-health/{accountId}/resume", null)).EnsureSuccessStatusCode();

        (await owner.SingleEntryAsync("account.paused", accountId)).GetProperty("after").GetProperty("reason").GetString().ShouldBe("Holiday");
        (await owner.SingleEntryAsync("account.resumed", accountId)).Text("resourceType").ShouldBe("social_account");

        var other = await app.RegisterAsync();
        var otherAccount = await other.ConnectXAsync(x);
        (await other.Client.DeleteAsync($"/api/v1/social-accounts/{otherAccount}")).EnsureSuccessStatusCode();
        var disconnected = await other.SingleEntryAsync("account.disconnected", otherAccount);
        disconnected.GetProperty("before").GetProperty("handle").GetString().ShouldBe("xdevelopers");
        (await owner.ReadAuditAsync($"resourceId={otherAccount}")).Items.ShouldBeEmpty("another tenant's account is not this tenant's to see");
    }
}
