using Platform.PlatformServers.X;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>Our X client against a server written from X's API v2 documentation (see <see cref="XServer"/>).</summary>
public sealed class XConformanceTests : PublishingScenarios<XServer>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private static readonly byte[] Video = MediaBytes(300 * 1024);

    private protected override SocialPlatform Platform => SocialPlatform.X;

    private protected override string AcceptStep => XServer.Steps.CreateTweet;

    private protected override PostContent Post(string text) => new(text);

    private protected override int Held(string text) => Server.Tweets.Count(t => t.Text == text);

    private PostContent ImagePost(string text) =>
        new(text, [new MediaItem(Server.HostMedia("photo.png", Png, "image/png"), MediaKind.Image, "image/png", Png.Length, AltText: "a test card")]);

    private PostContent VideoPost(string text) =>
        new(text, [new MediaItem(Server.HostMedia("clip.mp4", Video, "video/mp4"), MediaKind.Video, "video/mp4", Video.Length, DurationSeconds: 10)]);

    [Test]
    public async Task Connecting_reads_the_user_from_users_me()
    {
        var account = await AccountAsync();

        account.GetProperty("status").GetString().ShouldBe(nameof(AccountStatus.Active));
        account.GetProperty("externalId").GetString().ShouldBe(Server.UserId);
    }

    [Test]
    public Task A_text_post_is_published_exactly_once() => PublishesExactlyOnce();

    [Test]
    public async Task An_image_is_uploaded_in_one_segment_and_attached_once()
    {
        var text = Unique("X image");

        var published = await PublishAsync(ImagePost(text));

        var tweet = Server.Tweets.Single(t => t.Text == text);
        published.PlatformPostId.ShouldBe(tweet.Id);
        var media = Server.Uploads.Single(m => m.Id == tweet.MediaIds.Single());
        media.ReceivedBytes.ShouldBe(Png.Length);
        media.State.ShouldBe(XMediaState.Succeeded);
    }

    // The image's alt text never reaches X (no POST /2/media/metadata): docs/platform-conformance.md.

    [Test]
    public async Task A_video_is_uploaded_in_segments_processed_and_attached_once()
    {
        var text = Unique("X video");

        await PublishAsync(VideoPost(text));

        var tweet = Server.Tweets.Single(t => t.Text == text);
        var media = Server.Uploads.Single(m => m.Id == tweet.MediaIds.Single());
        media.ReceivedBytes.ShouldBe(Video.Length);
        media.State.ShouldBe(XMediaState.Succeeded);
    }

    [Test]
    public async Task A_video_still_processing_for_a_few_polls_is_attached_once_it_succeeded()
    {
        var text = Unique("X processing");
        Server.Faults.StillProcessingFor(2);

        await PublishAsync(VideoPost(text));

        var media = Server.Tweets.Single(t => t.Text == text).MediaIds.ShouldHaveSingleItem();
        Server.RequestsTo("GET", "/2/media/upload").Count(r => r.Query.Contains(media, StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(3, "two checks answered in_progress");
    }

    [Test]
    public Task A_lost_answer_to_create_post_is_found_not_posted_again_when_the_connection_drops() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Abort);

    [Test]
    public Task A_lost_answer_to_create_post_is_found_not_posted_again_when_the_answer_times_out() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Hold);

    [Test]
    public Task A_5xx_on_create_post_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(XServer.Steps.CreateTweet);

    [Test]
    public Task After_a_5xx_on_create_post_the_next_attempt_posts_once() => ServerErrorThenTheNextAttemptPublishesOnce(XServer.Steps.CreateTweet);

    [Test]
    public Task A_5xx_on_media_initialize_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(XServer.Steps.Initialize, ImagePost);

    [Test]
    public Task A_5xx_on_media_append_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(XServer.Steps.Append(0), ImagePost);

    [Test]
    public Task A_5xx_on_media_finalize_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(XServer.Steps.Finalize, ImagePost);

    [Test]
    public Task A_5xx_on_media_status_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(XServer.Steps.Status, VideoPost);

    [Test]
    public Task A_429_with_a_reset_time_is_rate_limited_until_then() => RateLimitIsReported(TimeSpan.FromSeconds(30));

    [Test]
    public Task A_429_without_a_reset_time_is_rate_limited() => RateLimitIsReported(null);

    [Test]
    public Task A_token_revoked_early_needs_a_reconnect() => InvalidatedTokenNeedsAReconnect();

    [Test]
    public Task A_token_about_to_expire_is_refreshed_before_publishing() => RefreshesANearlyExpiredTokenBeforePublishing();

    [Test]
    public async Task After_a_5xx_on_creating_a_post_with_an_image_the_next_attempt_reuses_the_uploaded_media()
    {
        var before = Server.Uploads.Count;

        await ServerErrorOnThenOnePostAsync(XServer.Steps.CreateTweet, ImagePost);

        Server.Uploads.Count.ShouldBe(before + 1, "the media id from the first attempt is still kept by X");
    }

    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public async Task A_lost_answer_to_a_post_with_an_image_is_found_by_its_media_not_posted_again(LostAnswer how)
    {
        var before = Server.Uploads.Count;

        await AnswerLostOnThenOnePostAsync(XServer.Steps.CreateTweet, ImagePost, how);

        Server.Uploads.Count.ShouldBe(before + 1);
    }

    [Test]
    public async Task A_lost_answer_to_finalizing_a_video_ends_in_one_post() =>
        await AnswerLostOnThenOnePostAsync(XServer.Steps.Finalize, VideoPost);

    [Test]
    public async Task After_a_5xx_on_the_processing_status_the_next_attempt_posts_once() =>
        await ServerErrorOnThenOnePostAsync(XServer.Steps.Status, VideoPost);

    [Test]
    public async Task After_a_5xx_on_setting_the_alt_text_the_next_attempt_posts_once() =>
        await ServerErrorOnThenOnePostAsync(XServer.Steps.Metadata, ImagePost);

    [Test]
    public async Task Media_whose_id_x_no_longer_keeps_is_uploaded_again_on_the_next_attempt()
    {
        var before = Server.Uploads.Count;
        var text = Unique("X expired media");
        var journal = new PublishJournal();
        Server.MediaLifetime = TimeSpan.FromSeconds(1);
        try
        {
            Server.Faults.FailWithServerError(XServer.Steps.CreateTweet);
            await Should.ThrowAsync<PlatformException>(() => PublishAsync(ImagePost(text), journal));
            await Task.Delay(TimeSpan.FromSeconds(1.2));

            await RetryAsTheEngineDoesAsync(ImagePost(text), DateTimeOffset.UtcNow, journal);
        }
        finally
        {
            Server.MediaLifetime = TimeSpan.FromDays(1);
        }

        Held(text).ShouldBe(1);
        Server.Uploads.Count.ShouldBe(before + 2, "the expired media id is not sent again");
    }

    [Test]
    public async Task A_lost_answer_to_a_post_of_an_image_alone_is_found_by_its_media_not_posted_again()
    {
        var before = Server.Tweets.Count;
        var post = ImagePost("") with { Text = null };
        var journal = new PublishJournal();
        var lostSince = DateTimeOffset.UtcNow;
        Server.Faults.LoseAnswerAfterAccept(XServer.Steps.CreateTweet);

        await PublishLosingTheAnswerAsync(post, journal);
        (await RetryAsTheEngineDoesAsync(post, lostSince, journal)).Kind.ShouldBe(ReconcileKind.Found);

        Server.Tweets.Count.ShouldBe(before + 1, "a post without text is recognised by the media ids it carries");
    }

    [Test]
    public async Task A_lost_answer_to_initializing_the_media_upload_ends_in_one_post() =>
        await AnswerLostOnThenOnePostAsync(XServer.Steps.Initialize, ImagePost);

    [Test]
    public async Task A_lost_answer_to_appending_a_media_segment_ends_in_one_post() =>
        await AnswerLostOnThenOnePostAsync(XServer.Steps.Append(0), ImagePost);

    [Test]
    public async Task A_lost_answer_to_the_processing_status_ends_in_one_post() =>
        await AnswerLostOnThenOnePostAsync(XServer.Steps.Status, VideoPost);

    [Test]
    public async Task A_lost_answer_to_setting_the_alt_text_ends_in_one_post() =>
        await AnswerLostOnThenOnePostAsync(XServer.Steps.Metadata, ImagePost);

    [Test]
    public async Task After_a_5xx_on_finalizing_a_video_the_next_attempt_posts_once() =>
        await ServerErrorOnThenOnePostAsync(XServer.Steps.Finalize, VideoPost);

    [Test]
    public async Task The_accounts_followers_are_read_from_public_metrics_followers_count()
    {
        Server.Followers.Set(Server.UserId, 2048);

        (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(new AccountMetrics(2048));
    }

    [Test]
    public async Task A_rate_limited_user_lookup_is_a_rate_limit_refusal_with_its_wait()
    {
        Server.Faults.RateLimit(XServer.Steps.Me, TimeSpan.FromMinutes(15));

        var refused = await Should.ThrowAsync<PlatformException>(() => AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None)));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        refused.RetryAfter.ShouldNotBeNull();
    }
}
