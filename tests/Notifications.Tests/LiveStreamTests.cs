using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Notifications.Events;
using Platform.Notifications.Live;
using Platform.Posts.Contracts;
using Platform.SharedKernel.Data;
using Platform.SocialAccounts.Contracts;
using Platform.TestKit;
using Shouldly;

namespace Platform.Notifications.Tests;

/// <summary>The live stream over real HTTP against the real host, PostgreSQL, Redis and the outbox.</summary>
public sealed class LiveStreamTests
{
    private PlatformApp app = null!;
    private TestAccount owner = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        app = StreamHost.Start();
        owner = await app.RegisterAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await app.DisposeAsync();

    [Test]
    public async Task A_failed_post_reaches_an_open_stream_as_a_post_change_and_as_a_new_notification()
    {
        await using var stream = await LiveStream.OpenAsync(owner.Client);
        var failed = PostFailed(owner.TenantId, TargetStatus.Failed);

        await app.RaiseAsync(failed);

        var post = await stream.WaitForAsync("post", data => data.GetProperty("postId").GetGuid() == failed.PostId);
        post.Data.GetProperty("status").GetString().ShouldBe("Failed");
        post.Data.GetProperty("targetId").GetGuid().ShouldBe(failed.TargetId);
        var notification = await stream.WaitForAsync("notification", data => data.GetProperty("kind").GetString() == "PostFailed");
        notification.Data.GetProperty("title").GetString().ShouldBe("A post to X did not go out");
        var listed = (await owner.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items");
        listed.EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(notification.Data.GetProperty("id").GetGuid());
    }

    [Test]
    public async Task Post_outcomes_and_account_health_are_streamed_with_their_status()
    {
        await using var stream = await LiveStream.OpenAsync(owner.Client);
        var postId = Guid.NewGuid();
        var accountId = Guid.NewGuid();

        await app.RaiseAsync(new PostScheduled
        {
            TenantId = owner.TenantId, OccurredAt = DateTimeOffset.UtcNow, PostId = postId, ScheduledAt = DateTimeOffset.UtcNow.AddHours(1), TargetIds = [Guid.NewGuid()],
        });
        await app.RaiseAsync(PostFailed(owner.TenantId, TargetStatus.Unconfirmed, postId));
        await app.RaiseAsync(new PostPartiallyPublished { TenantId = owner.TenantId, OccurredAt = DateTimeOffset.UtcNow, PostId = postId, PublishedTargets = 1, UnpublishedTargets = 1 });
        await app.RaiseAsync(new AccountNeedsReconnect
        {
            TenantId = owner.TenantId, OccurredAt = DateTimeOffset.UtcNow, SocialAccountId = accountId, Platform = SocialPlatform.Threads,
            Status = AccountStatus.Revoked, Reason = "The grant was revoked.",
        });

        foreach (var status in new[] { "Scheduled", "Unconfirmed", "PartiallyPublished" })
        {
            await stream.WaitForAsync("post", data => data.GetProperty("postId").GetGuid() == postId && data.GetProperty("status").GetString() == status);
        }
        var account = await stream.WaitForAsync("account", data => data.GetProperty("accountId").GetGuid() == accountId);
        account.Data.GetProperty("health").GetString().ShouldBe("NeedsReconnect");
        account.Data.GetProperty("platform").GetString().ShouldBe("Threads");

        var resumed = Guid.NewGuid();
        await app.RaiseAsync(new AccountPublishingResumed
        {
            TenantId = owner.TenantId, OccurredAt = DateTimeOffset.UtcNow, SocialAccountId = resumed, Cause = AccountResumeCause.Person,
        });
        (await stream.WaitForAsync("account", data => data.GetProperty("accountId").GetGuid() == resumed))
            .Data.GetProperty("health").GetString().ShouldBe("Healthy");
    }

    [Test]
    public async Task A_stream_never_carries_another_tenants_events()
    {
        var stranger = await app.RegisterAsync(tenantName: "Other tenant");
        await using var strangers = await LiveStream.OpenAsync(stranger.Client);
        await using var owners = await LiveStream.OpenAsync(owner.Client);
        var ownersPost = PostFailed(owner.TenantId, TargetStatus.Failed);
        var strangersPost = PostFailed(stranger.TenantId, TargetStatus.Failed);

        await app.RaiseAsync(ownersPost);
        await owners.WaitForAsync("post", data => data.GetProperty("postId").GetGuid() == ownersPost.PostId);
        await app.RaiseAsync(strangersPost);
        await strangers.WaitForAsync("post", data => data.GetProperty("postId").GetGuid() == strangersPost.PostId);
        await Task.Delay(TimeSpan.FromSeconds(1));

        strangers.Drain().ShouldNotContain(e => e.Data.ToString().Contains(ownersPost.PostId.ToString(), StringComparison.Ordinal));
        strangers.Drain().Where(e => e.Name == "notification").ShouldAllBe(e => e.Data.GetProperty("title").GetString()!.Contains("did not go out"));
        strangers.Drain().Count(e => e.Name == "notification").ShouldBe(1);
        owners.Drain().ShouldNotContain(e => e.Data.ToString().Contains(strangersPost.PostId.ToString(), StringComparison.Ordinal));
    }

    [Test]
    public async Task A_notification_for_one_user_reaches_only_that_user()
    {
        var editor = await app.AddUserAsync(owner, "editor");
        await using var editors = await LiveStream.OpenAsync(editor.Client);
        await using var owners = await LiveStream.OpenAsync(owner.Client);

        using (var anonymous = app.CreateClient())
        {
            (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = editor.Email })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        await editors.WaitForAsync("notification", data => data.GetProperty("kind").GetString() == "PasswordReset");
        // A tenant-wide event after it: once the owner's stream has that, the editor's notification would have come before.
        var marker = PostFailed(owner.TenantId, TargetStatus.Unconfirmed);
        await app.RaiseAsync(marker);
        await owners.WaitForAsync("post", data => data.GetProperty("postId").GetGuid() == marker.PostId);

        owners.Drain().ShouldNotContain(e => e.Name == "notification" && e.Data.GetProperty("kind").GetString() == "PasswordReset");
    }

    [Test]
    public async Task An_idle_stream_gets_heartbeat_comments()
    {
        await using var stream = await LiveStream.OpenAsync(owner.Client);

        await Eventually.WaitForAsync(() => Task.FromResult(stream.Heartbeats), count => count >= 3);
    }

    [Test]
    public async Task A_client_resuming_with_Last_Event_ID_gets_what_it_missed_once()
    {
        var first = PostFailed(owner.TenantId, TargetStatus.Failed);
        var missed = new[] { PostFailed(owner.TenantId, TargetStatus.Failed), PostFailed(owner.TenantId, TargetStatus.Unconfirmed) };
        string lastSeen;
        await using (var stream = await LiveStream.OpenAsync(owner.Client))
        {
            await app.RaiseAsync(first);
            lastSeen = (await stream.WaitForAsync("post", data => data.GetProperty("postId").GetGuid() == first.PostId)).Id;
        }
        foreach (var raised in missed)
        {
            await app.RaiseAsync(raised);
        }
        await Eventually.WaitForAsync(() => app.Database.ScalarAsTenantAsync(owner.TenantId,
            "SELECT count(*) FROM platform_events.outbox WHERE processed_at IS NULL"), pending => pending is 0L);
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        await using var resumed = await LiveStream.OpenAsync(owner.Client, lastSeen);

        foreach (var raised in missed)
        {
            await resumed.WaitForAsync("post", data => data.GetProperty("postId").GetGuid() == raised.PostId);
        }
        resumed.Received.ShouldNotContain(e => e.Data.ToString().Contains(first.PostId.ToString(), StringComparison.Ordinal));
        resumed.Received.Select(e => e.Id).ShouldBeUnique();
    }

    [Test]
    public async Task A_malformed_Last_Event_ID_is_refused_with_a_problem()
    {
        using var response = await LiveStream.SendAsync(owner.Client, "yesterday");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Test]
    public async Task Only_signed_in_people_may_open_the_stream()
    {
        var created = await owner.Client.PostAsJsonAsync("/api/v1/api-keys", new { name = "Integration", scopes = new[] { "posts:read" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var withKey = app.CreateClient();
        withKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        using var anonymous = app.CreateClient();

        using var keyAnswer = await LiveStream.SendAsync(withKey);
        using var anonymousAnswer = await LiveStream.SendAsync(anonymous);

        keyAnswer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        anonymousAnswer.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_client_that_leaves_is_let_go()
    {
        var relay = app.Services.GetRequiredService<LiveEventRelay>();
        var before = relay.ConnectedClients;
        var stream = await LiveStream.OpenAsync(owner.Client);
        await Eventually.WaitForAsync(() => Task.FromResult(relay.ConnectedClients), count => count == before + 1);

        await stream.DisposeAsync();

        await Eventually.WaitForAsync(() => Task.FromResult(relay.ConnectedClients), count => count == before);
    }

    [Test]
    public async Task A_change_rolled_back_is_never_streamed()
    {
        await using var stream = await LiveStream.OpenAsync(owner.Client);
        var rolledBack = PostFailed(owner.TenantId, TargetStatus.Failed);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();

        await Should.ThrowAsync<InvalidOperationException>(() => scopes.RunAsync<bool>(owner.TenantId, async services =>
        {
            await services.GetRequiredService<StreamOnEvents>().HandleAsync(rolledBack, CancellationToken.None);
            throw new InvalidOperationException("The unit of work fails after the handler ran.");
        }, CancellationToken.None));
        var committed = PostFailed(owner.TenantId, TargetStatus.Failed);
        await scopes.RunAsync(owner.TenantId, async services =>
        {
            await services.GetRequiredService<StreamOnEvents>().HandleAsync(committed, CancellationToken.None);
            return true;
        }, CancellationToken.None);

        await stream.WaitForAsync("post", data => data.GetProperty("postId").GetGuid() == committed.PostId);
        stream.Received.ShouldNotContain(e => e.Data.ToString().Contains(rolledBack.PostId.ToString(), StringComparison.Ordinal));
    }

    internal static PostTargetFailed PostFailed(Guid tenantId, TargetStatus status, Guid? postId = null) => new()
    {
        TenantId = tenantId,
        OccurredAt = DateTimeOffset.UtcNow,
        PostId = postId ?? Guid.NewGuid(),
        TargetId = Guid.NewGuid(),
        SocialAccountId = Guid.NewGuid(),
        Platform = "X",
        Status = status,
        ErrorMessage = "The platform refused the text.",
    };
}
