using Shouldly;

namespace Platform.Posts.Tests.Breaker;

/// <summary>
/// Repeated failures that point at the account pause publishing to it (persisted, so every host honours it); its due
/// posts wait without calling the platform or using attempts; after the break one trial decides.
/// </summary>
public sealed class CircuitBreakerTests : PostsFixture
{
    protected override Dictionary<string, string?> Settings => BreakerProbe.Settings;

    [SetUp]
    public void Reset() => x.Reset();

    [Test]
    public async Task Repeated_transient_failures_pause_the_account_in_the_database_and_the_post_says_so()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.FailTweets();

        await BreakerProbe.FailPostsAsync(owner.Client, account, 2);

        var row = await app.Database.SuperuserScalarAsync(
            "SELECT paused_by || ':' || consecutive_failures || ':' || last_error_kind FROM posts.account_breakers WHERE social_account_id = $1", account);
        row.ShouldBe("breaker:2:Unknown");
        (await app.Database.PausedUntilAsync(account))!.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        var post = await BreakerProbe.PublishNowAsync(owner.Client, account, "Shown as paused");
        var waiting = await PostApi.WaitUntilAsync(owner.Client, post, BreakerProbe.IsWaitingForPause);
        var pause = waiting.Target().GetProperty("accountPaused");
        pause.GetProperty("pausedBy").GetString().ShouldBe("Breaker");
        pause.GetProperty("reason").GetString()!.ShouldStartWith("2 failures in a row");
        pause.GetProperty("pausedUntil").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddSeconds(-1));
    }

    [Test]
    public async Task A_paused_accounts_due_post_is_not_sent_nor_charged_an_attempt_and_the_trial_that_succeeds_resumes_publishing()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.FailTweets();
        await BreakerProbe.FailPostsAsync(owner.Client, account, 2);
        x.AcceptTweets();

        var post = await BreakerProbe.PublishNowAsync(owner.Client, account, "Waits for the pause");
        var waiting = await PostApi.WaitUntilAsync(owner.Client, post, BreakerProbe.IsWaitingForPause);

        x.Sent("Waits for the pause").ShouldBe(0);
        waiting.Target().GetProperty("status").GetString().ShouldBe("Pending");
        waiting.Target().GetProperty("attemptCount").GetInt32().ShouldBe(0);
        (await app.Database.AttemptsAsync(waiting.Target().Id())).ShouldBe(0);
        waiting.Target().GetProperty("nextAttemptAt").GetDateTimeOffset().ShouldBe((await app.Database.PausedUntilAsync(account))!.Value, TimeSpan.FromMilliseconds(1));

        await app.Database.EndBreakAsync(account);
        var published = await PostApi.WaitForAsync(owner.Client, post, "Published", "Failed");
        published.GetProperty("status").GetString().ShouldBe("Published");
        published.Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
        x.Sent("Waits for the pause").ShouldBe(1);
        (await app.Database.BreakerRowsAsync(account)).ShouldBe(0);
        (await app.Database.ResumedEventsAsync(account, "TrialPassed")).ShouldBe(1L, "open screens and integrators learn the account works again");
    }

    [Test]
    public async Task One_trial_goes_through_after_the_break_and_its_failure_pauses_the_account_again()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.FailTweets();
        await BreakerProbe.FailPostsAsync(owner.Client, account, 2);
        string[] texts = ["Trial candidate A", "Trial candidate B", "Trial candidate C"];
        var posts = new List<Guid>();
        foreach (var text in texts)
        {
            posts.Add(await BreakerProbe.PublishNowAsync(owner.Client, account, text));
        }
        foreach (var post in posts)
        {
            await PostApi.WaitUntilAsync(owner.Client, post, BreakerProbe.IsWaitingForPause);
        }
        await app.Database.EndBreakAsync(account);
        var firstUntil = (await app.Database.PausedUntilAsync(account))!.Value;

        var reopened = await Eventually.WaitForAsync(async () => await app.Database.PausedUntilAsync(account), until => until > firstUntil);

        texts.Sum(x.Sent).ShouldBe(1);
        var attempts = new List<int>();
        foreach (var post in posts)
        {
            attempts.Add((await PostApi.GetAsync(owner.Client, post)).Target().GetProperty("attemptCount").GetInt32());
        }
        attempts.Order().ShouldBe([0, 0, 1]);
        reopened!.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        (await app.Database.SuperuserScalarAsync("SELECT consecutive_failures FROM posts.account_breakers WHERE social_account_id = $1", account)).ShouldBe(3);
    }

    [Test]
    public async Task A_trial_that_teaches_nothing_lets_the_next_waiting_post_try_at_once_instead_of_after_its_lease()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.FailTweets();
        await BreakerProbe.FailPostsAsync(owner.Client, account, 2);
        // A permanent refusal that is not about the content says nothing about the account.
        x.On("POST", "/2/tweets", FakeResponse.Json(
            """{"title":"Forbidden","detail":"You are not permitted to perform this action.","type":"about:blank","status":403}""", 403));
        string[] texts = ["Silent trial A", "Silent trial B"];
        var posts = new List<Guid>();
        foreach (var text in texts)
        {
            posts.Add(await BreakerProbe.PublishNowAsync(owner.Client, account, text));
        }
        foreach (var post in posts)
        {
            await PostApi.WaitUntilAsync(owner.Client, post, BreakerProbe.IsWaitingForPause);
        }

        await app.Database.EndBreakAsync(account);

        // Both within the 20 s wait: the second no longer sits out the first one's two-minute claim lease.
        foreach (var post in posts)
        {
            (await PostApi.WaitForAsync(owner.Client, post, "Failed")).Target().GetProperty("attemptCount").GetInt32().ShouldBe(1);
        }
        texts.Sum(x.Sent).ShouldBe(2);
    }

    [Test]
    public async Task Content_rejections_are_the_posts_fault_and_do_not_pause_the_account()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", FakeResponse.Json(
            """{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}""", 403));

        await BreakerProbe.FailPostsAsync(owner.Client, account, 3);

        (await app.Database.BreakerRowsAsync(account)).ShouldBe(0);
        x.AcceptTweets();
        var post = await BreakerProbe.PublishNowAsync(owner.Client, account, "Fine again");
        (await PostApi.WaitForAsync(owner.Client, post, "Published")).Target().GetProperty("errorKind").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Test]
    public async Task An_answer_that_shows_the_account_works_resets_the_failure_count()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.FailTweets();
        await BreakerProbe.FailPostsAsync(owner.Client, account, 1);
        (await app.Database.BreakerRowsAsync(account)).ShouldBe(1);
        x.AcceptTweets();
        await PostApi.WaitForAsync(owner.Client, await BreakerProbe.PublishNowAsync(owner.Client, account, "Works in between"), "Published");
        (await app.Database.BreakerRowsAsync(account)).ShouldBe(0);

        x.FailTweets();
        await BreakerProbe.FailPostsAsync(owner.Client, account, 1);

        (await app.Database.PausedUntilAsync(account)).ShouldBeNull();
    }
}
