using Platform.PlatformServers.YouTube;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>Our YouTube client against a server written from Google's documentation (see <see cref="YouTubeServer"/>).</summary>
public sealed class YouTubeConformanceTests : PublishingScenarios<YouTubeServer>
{
    private static readonly byte[] SmallVideo = MediaBytes(300 * 1024);

    private protected override SocialPlatform Platform => SocialPlatform.YouTube;

    // A small video goes up in one PUT: the step after which YouTube has the video.
    private protected override string AcceptStep => YouTubeServer.Steps.Chunk(1);

    private protected override string RateLimitedStep => YouTubeServer.Steps.Initiate;

    private protected override PostContent Post(string text) =>
        new(text, [new MediaItem(Server.HostMedia("clip.mp4", SmallVideo, "video/mp4"), MediaKind.Video, "video/mp4", SmallVideo.Length, DurationSeconds: 30)],
            Title: "Conformance video", PrivacyLevel: "public");

    private protected override int Held(string text) => Server.Videos.Count(v => v.Description == text);

    [Test]
    public async Task Connecting_reads_the_channel()
    {
        var account = await AccountAsync();

        account.GetProperty("status").GetString().ShouldBe(nameof(AccountStatus.Active));
        account.GetProperty("externalId").GetString().ShouldBe(Server.ChannelId);
    }

    [Test]
    public async Task A_video_is_uploaded_through_a_resumable_session_and_created_once()
    {
        var text = Unique("YouTube description");

        var published = await PublishAsync(Post(text));

        var video = Server.Videos.Single(v => v.Description == text);
        video.Title.ShouldBe("Conformance video");
        video.Bytes.ShouldBe(SmallVideo);
        published.PlatformPostId.ShouldBe(video.Id);
    }

    [Test]
    public Task A_video_is_published_exactly_once() => PublishesExactlyOnce();

    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public async Task A_lost_answer_to_the_upload_is_recovered_within_the_attempt_by_asking_the_session(LostAnswer how)
    {
        var text = Unique("Resumed upload");
        Server.Faults.LoseAnswerAfterAccept(AcceptStep, how);

        var published = await PublishAsync(Post(text));

        var video = Server.Videos.Single(v => v.Description == text);
        published.PlatformPostId.ShouldBe(video.Id);
        video.Bytes.ShouldBe(SmallVideo);
    }

    // When even the session cannot be asked, the attempt ends and the engine's lookup must find the video by the text
    // it was sent with (snippet.description), not upload it again.
    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public Task A_lost_answer_whose_session_cannot_be_asked_is_found_not_uploaded_again(LostAnswer how)
    {
        Server.Faults.FailWithServerError(YouTubeServer.Steps.StatusQuery);
        return FindsThePostAfterItsAnswerWasLost(how);
    }

    [Test]
    public async Task A_5xx_on_the_upload_is_resumed_and_published_in_the_same_attempt()
    {
        var text = Unique("Resumed after 5xx");
        Server.Faults.FailWithServerError(AcceptStep);

        await PublishAsync(Post(text));

        Held(text).ShouldBe(1);
        Server.Videos.Single(v => v.Description == text).Bytes.ShouldBe(SmallVideo);
    }

    [Test]
    public Task A_5xx_on_initiate_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(YouTubeServer.Steps.Initiate);

    [Test]
    public Task A_5xx_on_the_upload_PUT_ends_in_one_video_resumed_or_retried() => ServerErrorEndsInOnePost(YouTubeServer.Steps.Chunk(1));

    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public async Task A_lost_answer_is_found_by_asking_the_recorded_session_not_the_listing(LostAnswer how)
    {
        Server.Faults.FailWithServerError(YouTubeServer.Steps.StatusQuery);
        var listings = Server.Requests.Count(r => r.Path.Contains("playlistItems", StringComparison.Ordinal));

        var text = await AnswerLostOnThenOnePostAsync(AcceptStep, how: how);

        Server.Requests.Count(r => r.Path.Contains("playlistItems", StringComparison.Ordinal)).ShouldBe(listings, "the session answered with the video");
        Server.Sessions.Count(s => s.Description == text).ShouldBe(1);
    }

    [Test]
    public async Task A_lost_answer_to_starting_the_session_ends_in_one_video() =>
        await AnswerLostOnThenOnePostAsync(YouTubeServer.Steps.Initiate);

    [Test]
    public async Task After_an_upload_and_its_status_query_both_fail_the_next_attempt_resumes_the_same_session()
    {
        Server.Faults.FailWithServerError(YouTubeServer.Steps.StatusQuery);

        var text = await ServerErrorOnThenOnePostAsync(AcceptStep);

        Server.Sessions.Count(s => s.Description == text).ShouldBe(1, "the next attempt asks the recorded session and sends the bytes to it");
        Server.Videos.Single(v => v.Description == text).Bytes.ShouldBe(SmallVideo);
    }

    [Test]
    public async Task An_upload_cut_part_way_is_finished_by_the_next_attempt_sending_only_the_rest_to_the_same_session()
    {
        const int kept = 256 * 1024;
        var text = Unique("Cut part way");
        var journal = new PublishJournal();
        Server.InterruptNextUploadAfter = kept;
        Server.Faults.FailWithServerError(YouTubeServer.Steps.StatusQuery);

        (await Should.ThrowAsync<PlatformException>(() => PublishAsync(Post(text), journal))).Kind.ShouldBe(PlatformErrorKind.Transient);
        Server.Sessions.Single(s => s.Description == text).Received.Length.ShouldBe(kept);
        (await RetryAsTheEngineDoesAsync(Post(text), DateTimeOffset.UtcNow, journal)).Kind.ShouldBe(ReconcileKind.Found);

        Server.Sessions.Count(s => s.Description == text).ShouldBe(1);
        Server.Videos.Single(v => v.Description == text).Bytes.ShouldBe(SmallVideo);
        var last = Server.Requests.Last(r => r.Method == "PUT" && r.Body.Length > 0);
        last.Body.Length.ShouldBe(SmallVideo.Length - kept, "only the bytes the session lacked are sent again");
    }

    [Test]
    public async Task A_recorded_session_youtube_no_longer_knows_is_started_anew()
    {
        var text = Unique("Expired session");
        var journal = new PublishJournal(
            new Dictionary<string, string> { ["youtube.upload_session"] = $"{Server.Url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=expired" },
            (_, _, _) => Task.CompletedTask);

        (await RetryAsTheEngineDoesAsync(Post(text), DateTimeOffset.UtcNow, journal)).Kind.ShouldBe(ReconcileKind.Found);

        Held(text).ShouldBe(1);
        Server.Sessions.Count(s => s.Description == text).ShouldBe(1);
    }

    [Test]
    public async Task A_video_with_the_same_description_but_another_title_is_not_taken_for_ours()
    {
        var text = Unique("Same description");
        await PublishAsync(Post(text) with { Title = "Another video" });
        Server.Faults.LoseAnswerAfterAccept(YouTubeServer.Steps.Initiate);
        var lostSince = DateTimeOffset.UtcNow.AddMinutes(-1);

        await PublishLosingTheAnswerAsync(Post(text));
        await RetryAsTheEngineDoesAsync(Post(text), lostSince);

        Server.Videos.Count(v => v.Description == text && v.Title == "Conformance video").ShouldBe(1);
    }

    [Test]
    public Task A_429_with_Retry_After_is_rate_limited_for_that_long() => RateLimitIsReported(TimeSpan.FromSeconds(30));

    [Test]
    public Task A_429_without_Retry_After_is_rate_limited() => RateLimitIsReported(null);

    [Test]
    public async Task A_short_term_429_waits_briefly_not_until_the_daily_quota_resets()
    {
        // The server answers 429 rateLimitExceeded, a short-term limit; only quotaExceeded lasts until midnight Pacific.
        Server.Faults.RateLimit(RateLimitedStep, null);

        var refused = await PublishRefusedAsync(Post(Unique("Rate limited briefly")));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited, refused.Message);
        refused.RetryAfter.ShouldNotBeNull();
        refused.RetryAfter.Value.ShouldBeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
    }

    [Test]
    public Task A_token_revoked_early_needs_a_reconnect() => InvalidatedTokenNeedsAReconnect();

    [Test]
    public Task A_token_about_to_expire_is_refreshed_before_publishing() => RefreshesANearlyExpiredTokenBeforePublishing();

    [Test]
    public async Task The_channels_subscribers_are_read_from_its_statistics_and_a_hidden_count_is_unknown()
    {
        Server.Subscribers.Set(Server.ChannelId, 123_456);
        Server.HiddenSubscriberCount = false;

        // YouTube shows subscriber counts rounded down to three significant figures.
        (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(new AccountMetrics(123_000));
        Server.HiddenSubscriberCount = true;
        try
        {
            (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(new AccountMetrics(null));
        }
        finally
        {
            Server.HiddenSubscriberCount = false;
        }
    }
}
