using Platform.PlatformServers.TikTok;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>Our TikTok client against a server written from TikTok's documentation (see <see cref="TikTokServer"/>).</summary>
public sealed class TikTokConformanceTests : PublishingScenarios<TikTokServer>
{
    private const int MiB = 1024 * 1024;
    private static readonly byte[] SmallVideo = MediaBytes(MiB);
    private static readonly byte[] LargeVideo = MediaBytes((21 * MiB) + 12_345);

    private protected override SocialPlatform Platform => SocialPlatform.TikTok;

    // A video under 5 MB goes up whole: its only chunk is the step after which TikTok has it all.
    private protected override string AcceptStep => TikTokServer.Steps.Chunk(1);

    private protected override string RateLimitedStep => TikTokServer.Steps.Init;

    private protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Platforms:TikTok:VerifiedUrlPrefixes"] = Server.Url + "/media/verified/",
    };

    private protected override PostContent Post(string text) => WithVideo(text, "small.mp4", SmallVideo);

    private protected override int Held(string text) => Server.Publishes.Count(p => p.Title == text && p.WillPublish);

    private PostContent WithVideo(string text, string name, byte[] bytes) =>
        new(text, [new MediaItem(Server.HostMedia(name, bytes, "video/mp4"), MediaKind.Video, "video/mp4", bytes.Length, DurationSeconds: 12)], PrivacyLevel: "PUBLIC_TO_EVERYONE");

    private PostContent LargePost(string text) => WithVideo(text, "large.mp4", LargeVideo);

    private PostContent PulledPost(string text) => WithVideo(text, "verified/pulled.mp4", SmallVideo);

    [SetUp]
    public void VerifyOurMediaHost() => Server.VerifiedUrlPrefixes.Add(Server.Url + "/media/verified/");

    [Test]
    public async Task Connecting_reads_the_creator_from_user_info()
    {
        var account = await AccountAsync();

        account.GetProperty("status").GetString().ShouldBe(nameof(AccountStatus.Active));
        account.GetProperty("externalId").GetString().ShouldBe(Server.OpenId);
    }

    [Test]
    public async Task A_small_video_is_uploaded_whole_and_published_once()
    {
        var text = Unique("TikTok small video");

        await PublishAsync(Post(text));

        var publish = Server.Publishes.Single(p => p.Title == text);
        publish.Source.ShouldBe("FILE_UPLOAD");
        publish.TotalChunks.ShouldBe(1);
        publish.UploadedBytes.ShouldBe(SmallVideo.Length);
        publish.Status.ShouldBe(TikTokPublishStatus.PUBLISH_COMPLETE);
    }

    [Test]
    public async Task A_large_video_is_uploaded_in_documented_chunks_and_published_once()
    {
        var text = Unique("TikTok large video");

        await PublishAsync(LargePost(text));

        var publish = Server.Publishes.Single(p => p.Title == text);
        publish.TotalChunks.ShouldBeGreaterThan(1);
        publish.UploadedBytes.ShouldBe(LargeVideo.Length);
        publish.Status.ShouldBe(TikTokPublishStatus.PUBLISH_COMPLETE);
    }

    [Test]
    public async Task A_video_under_a_verified_prefix_is_pulled_and_published_once()
    {
        var text = Unique("TikTok pulled video");

        await PublishAsync(PulledPost(text));

        var publish = Server.Publishes.Single(p => p.Title == text);
        publish.Source.ShouldBe("PULL_FROM_URL");
        publish.Status.ShouldBe(TikTokPublishStatus.PUBLISH_COMPLETE);
    }

    [Test]
    public Task A_video_is_published_exactly_once() => PublishesExactlyOnce();

    [Test]
    public async Task A_video_still_processing_for_a_few_polls_is_published_once()
    {
        var text = Unique("TikTok processing");
        Server.Faults.StillProcessingFor(3);

        await PublishAsync(Post(text));

        Server.Publishes.Single(p => p.Title == text).Status.ShouldBe(TikTokPublishStatus.PUBLISH_COMPLETE);
    }

    [Test]
    public Task A_lost_answer_to_the_last_chunk_is_found_not_posted_again_when_the_connection_drops() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Abort);

    [Test]
    public Task A_lost_answer_to_the_last_chunk_is_found_not_posted_again_when_the_answer_times_out() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Hold);

    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public async Task A_lost_answer_to_the_last_chunk_of_a_private_video_is_followed_by_its_publish_id_not_posted_again(LostAnswer how)
    {
        var text = Unique("TikTok private lost");
        var post = Post(text) with { PrivacyLevel = "SELF_ONLY" };
        var journal = new PublishJournal();
        var lostSince = DateTimeOffset.UtcNow;
        Server.Faults.LoseAnswerAfterAccept(AcceptStep, how);

        await PublishLosingTheAnswerAsync(post, journal);
        var retry = await RetryAsTheEngineDoesAsync(post, lostSince, journal);

        retry.Kind.ShouldBe(ReconcileKind.Found);
        Server.Publishes.Count(p => p.Title == text).ShouldBe(1, "one init: the next attempt follows the publish_id rather than posting again");
        Held(text).ShouldBe(1);
    }

    [Test]
    public async Task A_private_video_whose_init_answer_was_lost_is_left_for_a_person_not_posted_again()
    {
        var text = Unique("TikTok private init lost");
        var post = PulledPost(text) with { PrivacyLevel = "SELF_ONLY" };
        var journal = new PublishJournal();
        var lostSince = DateTimeOffset.UtcNow;
        Server.Faults.LoseAnswerAfterAccept(TikTokServer.Steps.Init);

        await PublishLosingTheAnswerAsync(post, journal);
        var retry = await RetryAsTheEngineDoesAsync(post, lostSince, journal);

        retry.Kind.ShouldBe(ReconcileKind.Unknowable);
        retry.Reason.ShouldNotBeNullOrWhiteSpace();
        Server.Publishes.Count(p => p.Title == text).ShouldBe(1);
    }

    [Test]
    public async Task After_a_5xx_on_chunk_2_the_next_attempt_resumes_the_same_upload()
    {
        var text = Unique("TikTok resumed upload");
        var journal = new PublishJournal();
        Server.Faults.FailWithServerError(TikTokServer.Steps.Chunk(2));

        await Should.ThrowAsync<PlatformException>(() => PublishAsync(LargePost(text), journal));
        await RetryAsTheEngineDoesAsync(LargePost(text), DateTimeOffset.UtcNow, journal);

        var publish = Server.Publishes.Single(p => p.Title == text);
        publish.UploadedBytes.ShouldBe(LargeVideo.Length);
        publish.Status.ShouldBe(TikTokPublishStatus.PUBLISH_COMPLETE);
    }

    [Test]
    public async Task A_lost_answer_to_a_pull_init_is_found_not_posted_again()
    {
        var text = Unique("TikTok pull lost");
        var lostSince = DateTimeOffset.UtcNow;
        Server.Faults.LoseAnswerAfterAccept(TikTokServer.Steps.Init);

        await PublishLosingTheAnswerAsync(PulledPost(text));
        await RetryAsTheEngineDoesAsync(PulledPost(text), lostSince);

        Held(text).ShouldBe(1);
    }

    [Test]
    public Task A_5xx_on_creator_info_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(TikTokServer.Steps.CreatorInfo);

    [Test]
    public Task A_5xx_on_init_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(TikTokServer.Steps.Init);

    [Test]
    public Task A_5xx_on_chunk_2_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(TikTokServer.Steps.Chunk(2), LargePost);

    [Test]
    public Task After_a_5xx_on_chunk_2_the_next_attempt_publishes_once() => ServerErrorThenTheNextAttemptPublishesOnce(TikTokServer.Steps.Chunk(2), LargePost);

    [Test]
    public Task A_5xx_on_status_fetch_after_the_upload_does_not_lead_to_a_second_post() => ServerErrorEndsInOnePost(TikTokServer.Steps.StatusFetch);

    [Test]
    public Task A_429_with_Retry_After_is_rate_limited_for_that_long() => RateLimitIsReported(TimeSpan.FromSeconds(30));

    [Test]
    public Task A_429_without_Retry_After_is_rate_limited() => RateLimitIsReported(null);

    [Test]
    public Task A_token_revoked_early_needs_a_reconnect() => InvalidatedTokenNeedsAReconnect();

    [Test]
    public Task A_token_about_to_expire_is_refreshed_before_publishing() => RefreshesANearlyExpiredTokenBeforePublishing();

    [Test]
    public async Task The_accounts_followers_are_read_from_the_user_infos_follower_count_with_the_default_scopes()
    {
        Server.Followers.Set(Server.OpenId, 777);

        (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(new AccountMetrics(777));
    }
}
