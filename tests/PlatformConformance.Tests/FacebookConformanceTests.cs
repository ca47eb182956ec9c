using Platform.PlatformServers.Meta;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>Our Facebook Pages client against a server written from Meta's Pages documentation (see <see cref="FacebookServer"/>).</summary>
public sealed class FacebookConformanceTests : PublishingScenarios<FacebookServer>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 5, 6, 7, 8];

    private protected override SocialPlatform Platform => SocialPlatform.Facebook;

    private protected override string AcceptStep => FacebookServer.Steps.FeedPost;

    private protected override PostContent Post(string text) => new(text);

    private protected override int Held(string text) => Server.Posts.Count(p => p.Text == text);

    private MediaItem Image(string name) => new(Server.HostMedia(name, Jpeg, "image/jpeg"), MediaKind.Image, "image/jpeg", Jpeg.Length);

    private PostContent ImagePost(string text) => new(text, [Image("page-photo.jpg")]);

    private PostContent PhotosPost(string text) => new(text, [Image("first.jpg"), Image("second.jpg"), Image("third.jpg")]);

    [Test]
    public async Task Connecting_lists_the_page_the_user_manages()
    {
        var account = await AccountAsync();

        account.GetProperty("status").GetString().ShouldBe(nameof(AccountStatus.Active));
        account.GetProperty("externalId").GetString().ShouldBe(Server.PageId);
    }

    [Test]
    public Task A_text_post_is_published_exactly_once() => PublishesExactlyOnce();

    [Test]
    public async Task A_link_post_goes_to_the_page_feed_once_with_its_link()
    {
        var text = Unique("Page link");

        await PublishAsync(new PostContent(text, Link: "https://example.com/article"));

        Server.Posts.Single(p => p.Text == text).MediaType.ShouldBe("LINK");
    }

    [Test]
    public async Task An_image_post_is_published_once_as_the_page()
    {
        var text = Unique("Page photo");

        var published = await PublishAsync(ImagePost(text));

        var post = Server.Posts.Single(p => p.Text == text);
        published.PlatformPostId.ShouldBe(post.Id);
        Server.Photos[post.ChildIds.Single()].Url.ShouldBe($"{Server.Url}/media/page-photo.jpg");
    }

    [Test]
    public Task A_lost_answer_to_a_feed_post_is_found_not_posted_again_when_the_connection_drops() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Abort);

    [Test]
    public Task A_lost_answer_to_a_feed_post_is_found_not_posted_again_when_the_answer_times_out() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Hold);

    [Test]
    public Task A_5xx_on_a_feed_post_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(FacebookServer.Steps.FeedPost);

    [Test]
    public Task After_a_5xx_on_a_feed_post_the_next_attempt_posts_once() => ServerErrorThenTheNextAttemptPublishesOnce(FacebookServer.Steps.FeedPost);

    [Test]
    public Task A_5xx_on_a_photo_upload_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(FacebookServer.Steps.Photo, ImagePost);

    [Test]
    public Task After_a_5xx_on_a_photo_upload_the_next_attempt_posts_once() => ServerErrorThenTheNextAttemptPublishesOnce(FacebookServer.Steps.Photo, ImagePost);

    [Test]
    public Task A_throttled_post_waits_as_long_as_the_usage_header_says() => RateLimitIsReported(TimeSpan.FromMinutes(1));


    [Test]
    public Task A_throttled_post_without_a_wait_is_rate_limited() => RateLimitIsReported(null);

    [Test]
    public Task A_user_token_about_to_expire_is_exchanged_again_before_publishing() => RefreshesANearlyExpiredTokenBeforePublishing();

    [Test]
    public async Task After_a_5xx_on_the_feed_post_of_several_photos_the_next_attempt_attaches_the_photos_already_uploaded()
    {
        var before = Server.Photos.Count;

        var text = await ServerErrorOnThenOnePostAsync(FacebookServer.Steps.FeedPost, PhotosPost);

        Server.Photos.Count.ShouldBe(before + 3, "each photo is uploaded once");
        Server.Posts.Single(p => p.Text == text).ChildIds.Count.ShouldBe(3);
    }

    [Test]
    public async Task After_a_5xx_on_the_second_photo_the_next_attempt_uploads_only_the_missing_photos()
    {
        var before = Server.Photos.Count;
        var text = Unique("FB photos resumed");
        // Faults on a step are taken in order, so the 5xx for the second photo is planned once the first is recorded.
        var recorded = new PublishJournal(new Dictionary<string, string>(), (step, value, _) =>
        {
            if (step == "facebook.photos" && !value.Contains(',', StringComparison.Ordinal))
            {
                Server.Faults.FailWithServerError(FacebookServer.Steps.Photo);
            }
            return Task.CompletedTask;
        });

        await Should.ThrowAsync<PlatformException>(() => PublishAsync(PhotosPost(text), recorded));
        Server.Photos.Count.ShouldBe(before + 1);
        (await RetryAsTheEngineDoesAsync(PhotosPost(text), DateTimeOffset.UtcNow, recorded)).Kind.ShouldBe(ReconcileKind.Found);

        Held(text).ShouldBe(1);
        Server.Photos.Count.ShouldBe(before + 3);
    }

    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public async Task A_lost_answer_to_the_feed_post_of_several_photos_is_found_by_its_message(LostAnswer how)
    {
        var before = Server.Photos.Count;

        await AnswerLostOnThenOnePostAsync(FacebookServer.Steps.FeedPost, PhotosPost, how);

        Server.Photos.Count.ShouldBe(before + 3);
    }

    [Test]
    public async Task A_lost_answer_to_a_post_without_a_message_is_left_for_a_person_not_posted_again()
    {
        var link = $"https://example.com/{Guid.NewGuid():N}";
        var post = new PostContent(null, Link: link);
        var journal = new PublishJournal();
        Server.Faults.LoseAnswerAfterAccept(FacebookServer.Steps.FeedPost);

        await PublishLosingTheAnswerAsync(post, journal);
        var retry = await RetryAsTheEngineDoesAsync(post, DateTimeOffset.UtcNow, journal);

        retry.Kind.ShouldBe(ReconcileKind.Unknowable);
        retry.Reason.ShouldNotBeNullOrWhiteSpace();
        Server.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/feed", StringComparison.Ordinal) &&
            System.Text.Encoding.UTF8.GetString(r.Body).Contains(Uri.EscapeDataString(link), StringComparison.Ordinal)).ShouldBe(1);
    }

    [Test]
    public async Task A_lost_answer_to_uploading_one_of_several_photos_ends_in_one_post() =>
        await AnswerLostOnThenOnePostAsync(FacebookServer.Steps.Photo, PhotosPost);

    [Test]
    public async Task The_pages_followers_are_read_from_followers_count_not_from_its_likes()
    {
        Server.Followers.Set(Server.PageId, 5000);
        Server.Fans.Set(Server.PageId, 4100);

        (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(new AccountMetrics(5000));
    }
}
