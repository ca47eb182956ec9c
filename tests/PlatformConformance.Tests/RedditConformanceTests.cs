using Platform.PlatformServers.Reddit;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>Our Reddit client against a server written from Reddit's documentation (see <see cref="RedditServer"/>).</summary>
public sealed class RedditConformanceTests : PublishingScenarios<RedditServer>
{
    private protected override SocialPlatform Platform => SocialPlatform.Reddit;

    private protected override string AcceptStep => RedditServer.Steps.Submit;

    private protected override PostContent Post(string text) => new(text, Title: "Conformance title", Subreddit: "test");

    private protected override int Held(string text) => Server.Posts.Count(p => p.Text == text);

    [Test]
    public async Task Connecting_exchanges_the_code_for_a_permanent_grant_and_reads_the_identity()
    {
        var account = await AccountAsync();

        account.GetProperty("status").GetString().ShouldBe(nameof(AccountStatus.Active));
        account.GetProperty("externalId").GetString().ShouldBeOneOf(Server.UserId, "t2_" + Server.UserId, Server.UserName);
        Server.Grants.Tokens.ShouldContain(t => t.Scopes.Contains("submit"));
    }

    [Test]
    public async Task A_self_post_is_submitted_once_with_its_title_text_and_subreddit()
    {
        var text = Unique("Self post body");

        var published = await PublishAsync(Post(text));

        var post = Server.Posts.Single(p => p.Text == text);
        post.Kind.ShouldBe("self");
        post.Title.ShouldBe("Conformance title");
        post.Subreddit.ShouldBe("test");
        published.PlatformPostId.ShouldBeOneOf(post.Id, post.Fullname);
    }

    [Test]
    public async Task A_link_post_is_submitted_once_with_its_url()
    {
        var title = Unique("Link title");

        await PublishAsync(new PostContent(null, Link: "https://example.com/article", Title: title, Subreddit: "test"));

        var post = Server.Posts.Single(p => p.Title == title);
        post.Kind.ShouldBe("link");
        post.Url.ShouldBe("https://example.com/article");
    }

    [Test]
    public Task A_text_post_is_published_exactly_once() => PublishesExactlyOnce();

    [Test]
    public Task A_submission_to_a_missing_subreddit_is_refused_for_good_and_creates_nothing() => SubmissionToAMissingSubredditIsRejected();

    [Test]
    public Task A_lost_answer_to_a_self_post_is_found_not_submitted_again_when_the_connection_drops() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Abort);

    [Test]
    public Task A_lost_answer_to_a_self_post_is_found_not_submitted_again_when_the_answer_times_out() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Hold);

    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public async Task A_lost_answer_to_a_link_post_is_found_by_title_subreddit_and_url_not_submitted_again(LostAnswer how)
    {
        var title = Unique("Lost link");
        var link = new PostContent(null, Link: "https://example.com/lost-" + Guid.NewGuid().ToString("N"), Title: title, Subreddit: "test");
        var journal = new PublishJournal();
        var lostSince = DateTimeOffset.UtcNow;
        Server.Faults.LoseAnswerAfterAccept(RedditServer.Steps.Submit, how);

        await PublishLosingTheAnswerAsync(link, journal);
        var retry = await RetryAsTheEngineDoesAsync(link, lostSince, journal);

        var post = Server.Posts.Single(p => p.Title == title);
        retry.Kind.ShouldBe(ReconcileKind.Found);
        retry.Post!.PlatformPostId.ShouldBe(post.Fullname);
    }

    [Test]
    public Task A_5xx_on_submit_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(RedditServer.Steps.Submit);

    [Test]
    public Task After_a_5xx_on_submit_the_next_attempt_publishes_once() => ServerErrorThenTheNextAttemptPublishesOnce(RedditServer.Steps.Submit);

    [Test]
    public Task A_429_with_Retry_After_is_rate_limited_for_that_long() => RateLimitIsReported(TimeSpan.FromSeconds(30));

    [Test]
    public Task A_429_without_Retry_After_is_rate_limited() => RateLimitIsReported(null);

    [Test]
    public Task A_token_revoked_early_needs_a_reconnect() => InvalidatedTokenNeedsAReconnect();

    [Test]
    public Task A_token_about_to_expire_is_refreshed_before_publishing() => RefreshesANearlyExpiredTokenBeforePublishing();

    private async Task SubmissionToAMissingSubredditIsRejected()
    {
        var text = Unique("Nowhere");

        var refused = await PublishRefusedAsync(new PostContent(text, Title: "Title", Subreddit: "no_such_subreddit_here"));

        // An unknown target is Permanent in our taxonomy (PlatformErrors.cs); either way it must not be retried.
        refused.Kind.ShouldBeOneOf(PlatformErrorKind.Permanent, PlatformErrorKind.ContentRejected);
        refused.IsRetryable.ShouldBeFalse();
        Held(text).ShouldBe(0);
    }

    [Test]
    public async Task Followers_are_not_asked_for_since_reddits_api_documents_no_follower_count()
    {
        (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(AccountMetrics.NotOffered);
    }
}
