using Platform.PlatformServers.Meta;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>Our Threads client against a server written from Meta's Threads API documentation (see <see cref="ThreadsServer"/>).</summary>
public sealed class ThreadsConformanceTests : PublishingScenarios<ThreadsServer>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 3, 1, 4, 1];

    private protected override SocialPlatform Platform => SocialPlatform.Threads;

    private protected override string AcceptStep => ThreadsServer.Steps.Publish;

    private protected override PostContent Post(string text) => new(text);

    private protected override int Held(string text) => Server.Threads.Count(t => t.Text == text);

    private MediaItem Image(string name) => new(Server.HostMedia(name, Jpeg, "image/jpeg"), MediaKind.Image, "image/jpeg", Jpeg.Length);

    private PostContent ImagePost(string text) => new(text, [Image("thread.jpg")]);

    [Test]
    public async Task Connecting_reads_the_threads_profile()
    {
        var account = await AccountAsync();

        account.GetProperty("status").GetString().ShouldBe(nameof(AccountStatus.Active));
        account.GetProperty("externalId").GetString().ShouldBe(Server.UserId);
    }

    [Test]
    public Task A_text_post_is_published_exactly_once() => PublishesExactlyOnce();

    [Test]
    public async Task An_image_post_goes_through_one_finished_container()
    {
        var text = Unique("Threads image");

        var published = await PublishAsync(ImagePost(text));

        var post = Server.Threads.Single(t => t.Text == text);
        published.PlatformPostId.ShouldBe(post.Id);
        Server.Containers.Single(c => c.Id == post.ContainerId).ImageUrl.ShouldBe($"{Server.Url}/media/thread.jpg");
    }

    // Carousels are served (media_type=CAROUSEL) but our content rules post one image or video on Threads, so no carousel test.

    [Test]
    public async Task A_container_still_processing_for_a_few_polls_is_published_once_finished()
    {
        var text = Unique("Threads processing");
        Server.Faults.StillProcessingFor(3);

        await PublishAsync(ImagePost(text));

        Held(text).ShouldBe(1);
        var container = Server.Containers.Single(c => c.Text == text);
        Server.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/" + container.Id, StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(4, "three checks answered IN_PROGRESS");
    }

    [Test]
    public async Task A_container_whose_image_cannot_be_fetched_is_rejected_and_nothing_is_published()
    {
        var text = Unique("Threads unreachable image");

        var refused = await PublishRefusedAsync(new PostContent(text, [new MediaItem(Server.Url + "/media/never-hosted.jpg", MediaKind.Image, "image/jpeg", 10)]));

        refused.Kind.ShouldBe(PlatformErrorKind.ContentRejected, refused.Message);
        Server.Containers.Last().Status.ShouldBe(ContainerStatus.ERROR);
        Held(text).ShouldBe(0);
    }

    [Test]
    public Task A_lost_answer_to_threads_publish_is_found_not_published_again_when_the_connection_drops() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Abort);

    [Test]
    public Task A_lost_answer_to_threads_publish_is_found_not_published_again_when_the_answer_times_out() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Hold);

    [Test]
    public Task A_5xx_on_creating_the_container_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(ThreadsServer.Steps.CreateContainer);

    [Test]
    public Task A_5xx_on_the_container_status_ends_in_one_post() => ServerErrorEndsInOnePost(ThreadsServer.Steps.ContainerStatus);

    [Test]
    public Task A_5xx_on_threads_publish_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(ThreadsServer.Steps.Publish);

    [Test]
    public Task After_a_5xx_on_threads_publish_the_next_attempt_publishes_once() => ServerErrorThenTheNextAttemptPublishesOnce(ThreadsServer.Steps.Publish);

    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public async Task A_lost_answer_to_publishing_an_image_is_found_by_the_published_container_without_a_second_container(LostAnswer how)
    {
        var text = await AnswerLostOnThenOnePostAsync(ThreadsServer.Steps.Publish, ImagePost, how);

        Server.Containers.Single(c => c.Text == text).Status.ShouldBe(ContainerStatus.PUBLISHED);
    }

    [Test]
    public async Task A_lost_answer_to_creating_the_container_ends_in_one_post() =>
        await AnswerLostOnThenOnePostAsync(ThreadsServer.Steps.CreateContainer, ImagePost);

    [Test]
    public async Task A_lost_answer_to_a_container_status_check_publishes_the_same_container()
    {
        var text = await AnswerLostOnThenOnePostAsync(ThreadsServer.Steps.ContainerStatus, ImagePost);

        Server.Containers.Count(c => c.Text == text).ShouldBe(1, "the next attempt polls the recorded container rather than creating another");
    }

    [Test]
    public async Task After_a_5xx_on_publishing_a_text_post_the_next_attempt_publishes_the_same_container()
    {
        var text = await ServerErrorOnThenOnePostAsync(ThreadsServer.Steps.Publish);

        Server.Containers.Count(c => c.Text == text).ShouldBe(1);
    }

    [Test]
    public async Task After_a_5xx_on_the_container_status_the_next_attempt_publishes_the_same_container()
    {
        var text = await ServerErrorOnThenOnePostAsync(ThreadsServer.Steps.ContainerStatus, ImagePost);

        Server.Containers.Count(c => c.Text == text).ShouldBe(1);
    }

    [Test]
    public async Task A_container_still_processing_when_the_attempt_stops_polling_is_published_by_the_next_attempt()
    {
        var text = await StillProcessingThenOnePostAsync(ImagePost);

        Server.Containers.Count(c => c.Text == text).ShouldBe(1, "the next attempt polls the recorded container to FINISHED");
    }

    [Test]
    public Task A_throttled_publish_waits_as_long_as_the_usage_header_says() => RateLimitIsReported(TimeSpan.FromMinutes(1));


    [Test]
    public Task A_throttled_publish_without_a_wait_is_rate_limited() => RateLimitIsReported(null);

    [Test]
    public async Task A_publish_past_the_24_hour_limit_waits_until_the_oldest_counted_post_leaves_the_window()
    {
        await PublishAsync(Post(Unique("Threads before the limit")));
        var text = Unique("Threads past the limit");
        Server.PublishingLimit = Server.Threads.Count(t => t.CreatedAt > DateTimeOffset.UtcNow.AddDays(-1));
        try
        {
            var refused = await PublishRefusedAsync(Post(text));

            refused.Kind.ShouldBe(PlatformErrorKind.RateLimited, refused.Message);
            refused.PublishingLimitReached.ShouldBeTrue();
            refused.NothingCreated.ShouldBeTrue();
            var oldest = Server.Threads.Where(t => t.CreatedAt > DateTimeOffset.UtcNow.AddDays(-1)).Min(t => t.CreatedAt);
            refused.RetryAfter!.Value.ShouldBeInRange(oldest.AddDays(1) - DateTimeOffset.UtcNow, oldest.AddDays(1) - DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2));
            Held(text).ShouldBe(0);
        }
        finally
        {
            Server.PublishingLimit = 250;
        }
    }

    // An invalidated token (190) leaves the account Active: docs/platform-conformance.md.

    [Test]
    public Task A_token_about_to_expire_is_refreshed_before_publishing() => RefreshesANearlyExpiredTokenBeforePublishing();

    [Test]
    public Task A_refresh_whose_answer_was_lost_leaves_the_kept_token_working_and_refreshable() =>
        KeepsPublishingAfterATokenRefreshWhoseAnswerWasLost(ThreadsServer.Steps.Refresh);

    [Test]
    public async Task The_accounts_followers_are_read_from_the_followers_count_user_insight()
    {
        Server.Followers.Set(Server.UserId, 321);

        (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(new AccountMetrics(321));
    }

    [Test]
    public async Task A_failing_user_insights_call_is_a_transient_refusal()
    {
        Server.Faults.FailWithServerError(ThreadsServer.Steps.UserInsights);

        (await Should.ThrowAsync<PlatformException>(() => AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))))
            .Kind.ShouldBe(PlatformErrorKind.Transient);
    }
}
