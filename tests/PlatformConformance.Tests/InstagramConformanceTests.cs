using Platform.PlatformServers.Meta;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>Our Instagram client against a server written from Meta's content publishing documentation (see <see cref="InstagramServer"/>).</summary>
public sealed class InstagramConformanceTests : PublishingScenarios<InstagramServer>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];

    private protected override SocialPlatform Platform => SocialPlatform.Instagram;

    private protected override string AcceptStep => InstagramServer.Steps.Publish;

    private protected override PostContent Post(string text) => new(text, [Image("photo.jpg", "a photo")]);

    private protected override int Held(string text) => Server.Media.Count(m => m.Text == text);

    private MediaItem Image(string name, string? alt = null) => new(Server.HostMedia(name, Jpeg, "image/jpeg"), MediaKind.Image, "image/jpeg", Jpeg.Length, AltText: alt);

    private PostContent CarouselPost(string text) => new(text, [Image("one.jpg"), Image("two.jpg"), Image("three.jpg")]);

    [Test]
    public async Task Connecting_finds_the_instagram_account_behind_the_page()
    {
        var account = await AccountAsync();

        account.GetProperty("status").GetString().ShouldBe(nameof(AccountStatus.Active));
        account.GetProperty("externalId").GetString().ShouldBe(Server.InstagramUserId);
    }

    [Test]
    public Task An_image_is_published_exactly_once() => PublishesExactlyOnce();

    [Test]
    public async Task An_image_goes_through_one_finished_container_with_its_caption_and_alt_text()
    {
        var text = Unique("IG image");

        var published = await PublishAsync(Post(text));

        var media = Server.Media.Single(m => m.Text == text);
        published.PlatformPostId.ShouldBe(media.Id);
        var container = Server.Containers.Single(c => c.Id == media.ContainerId);
        container.ImageUrl.ShouldBe($"{Server.Url}/media/photo.jpg");
        container.AltText.ShouldBe("a photo");
    }

    [Test]
    public async Task A_carousel_is_built_from_item_containers_and_published_once()
    {
        var text = Unique("IG carousel");

        await PublishAsync(CarouselPost(text));

        var media = Server.Media.Single(m => m.Text == text);
        media.MediaType.ShouldBe("CAROUSEL");
        media.ChildIds.Count.ShouldBe(3);
        Server.Containers.Where(c => media.ChildIds.Contains(c.Id)).ShouldAllBe(c => c.IsCarouselItem);
    }

    [Test]
    public async Task A_container_still_processing_for_a_few_polls_is_published_once_finished()
    {
        var text = Unique("IG processing");
        Server.Faults.StillProcessingFor(3);

        await PublishAsync(Post(text));

        Held(text).ShouldBe(1);
        var container = Server.Containers.Single(c => c.Text == text);
        Server.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/" + container.Id, StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(4, "three checks answered IN_PROGRESS");
    }

    [Test]
    public async Task A_container_whose_image_cannot_be_fetched_is_rejected_and_nothing_is_published()
    {
        var text = Unique("IG unreachable image");

        var refused = await PublishRefusedAsync(new PostContent(text, [new MediaItem(Server.Url + "/media/never-hosted.jpg", MediaKind.Image, "image/jpeg", 10)]));

        refused.Kind.ShouldBe(PlatformErrorKind.ContentRejected, refused.Message);
        Server.Containers.Last().Status.ShouldBe(ContainerStatus.ERROR);
        Held(text).ShouldBe(0);
    }

    [Test]
    public Task A_lost_answer_to_media_publish_is_found_not_published_again_when_the_connection_drops() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Abort);

    [Test]
    public Task A_lost_answer_to_media_publish_is_found_not_published_again_when_the_answer_times_out() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Hold);

    [Test]
    public Task A_5xx_on_creating_the_container_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(InstagramServer.Steps.CreateContainer);

    [Test]
    public Task A_5xx_on_creating_the_carousel_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(InstagramServer.Steps.CreateCarousel, CarouselPost);

    [Test]
    public Task A_5xx_on_the_container_status_ends_in_one_post() => ServerErrorEndsInOnePost(InstagramServer.Steps.ContainerStatus);

    [Test]
    public Task A_5xx_on_media_publish_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(InstagramServer.Steps.Publish);

    [Test]
    public Task After_a_5xx_on_media_publish_the_next_attempt_publishes_once() => ServerErrorThenTheNextAttemptPublishesOnce(InstagramServer.Steps.Publish);

    [TestCase(LostAnswer.Abort)]
    [TestCase(LostAnswer.Hold)]
    public async Task A_lost_answer_to_media_publish_is_found_by_the_published_container_without_a_second_container(LostAnswer how)
    {
        var text = await AnswerLostOnThenOnePostAsync(InstagramServer.Steps.Publish, how: how);

        Server.Containers.Count(c => c.Text == text).ShouldBe(1);
        Server.Containers.Single(c => c.Text == text).Status.ShouldBe(ContainerStatus.PUBLISHED);
    }

    [Test]
    public async Task A_lost_answer_to_creating_the_container_ends_in_one_post() =>
        await AnswerLostOnThenOnePostAsync(InstagramServer.Steps.CreateContainer);

    [Test]
    public async Task A_lost_answer_to_a_container_status_check_publishes_the_same_container()
    {
        var text = await AnswerLostOnThenOnePostAsync(InstagramServer.Steps.ContainerStatus);

        Server.Containers.Count(c => c.Text == text).ShouldBe(1, "the next attempt polls the recorded container rather than creating another");
    }

    [Test]
    public async Task After_a_5xx_on_media_publish_the_next_attempt_publishes_the_same_container()
    {
        var text = await ServerErrorOnThenOnePostAsync(InstagramServer.Steps.Publish);

        Server.Containers.Count(c => c.Text == text).ShouldBe(1);
    }

    [Test]
    public async Task After_a_5xx_on_the_container_status_the_next_attempt_publishes_the_same_container()
    {
        var text = await ServerErrorOnThenOnePostAsync(InstagramServer.Steps.ContainerStatus);

        Server.Containers.Count(c => c.Text == text).ShouldBe(1);
    }

    [Test]
    public async Task A_container_still_processing_when_the_attempt_stops_polling_is_published_by_the_next_attempt()
    {
        var text = await StillProcessingThenOnePostAsync(Post);

        Server.Containers.Count(c => c.Text == text).ShouldBe(1, "the next attempt polls the recorded container to FINISHED");
    }

    [Test]
    public async Task After_a_5xx_on_creating_the_carousel_the_next_attempt_reuses_the_item_containers()
    {
        var before = Server.Containers.Count;

        var text = await ServerErrorOnThenOnePostAsync(InstagramServer.Steps.CreateCarousel, CarouselPost);

        Server.Containers.Count.ShouldBe(before + 4, "three item containers and one carousel container");
        Server.Media.Single(m => m.Text == text).ChildIds.Count.ShouldBe(3);
    }

    [Test]
    public async Task A_published_container_whose_media_is_not_listed_is_left_for_a_person_not_published_again()
    {
        var text = Unique("IG published, not listed");
        var journal = new PublishJournal();
        var lostSince = DateTimeOffset.UtcNow;
        Server.Faults.LoseAnswerAfterAccept(InstagramServer.Steps.Publish);
        await PublishLosingTheAnswerAsync(Post(text), journal);
        // The media leaves the account's listing (removed in the app) before the next attempt looks for it.
        Server.Media.Single(m => m.Text == text).Deleted = true;

        var retry = await RetryAsTheEngineDoesAsync(Post(text), lostSince, journal);

        retry.Kind.ShouldBe(ReconcileKind.Unknowable);
        retry.Reason.ShouldNotBeNullOrWhiteSpace();
        Server.Containers.Count(c => c.Text == text).ShouldBe(1, "a PUBLISHED container means the post was made: nothing is sent again");
    }

    [Test]
    public async Task A_lost_answer_to_creating_the_carousel_reuses_the_item_containers()
    {
        var before = Server.Containers.Count;

        await AnswerLostOnThenOnePostAsync(InstagramServer.Steps.CreateCarousel, CarouselPost);

        Server.Containers.Count.ShouldBe(before + 5, "three item containers, the carousel whose answer was lost and the next attempt's carousel");
    }

    [Test]
    public async Task A_recorded_container_that_expired_is_replaced_by_a_new_one()
    {
        var text = Unique("IG expired container");
        var journal = new PublishJournal();
        Server.Faults.FailWithServerError(InstagramServer.Steps.Publish);

        await Should.ThrowAsync<PlatformException>(() => PublishAsync(Post(text), journal));
        Server.ExpireUnpublishedContainers();
        (await RetryAsTheEngineDoesAsync(Post(text), DateTimeOffset.UtcNow, journal)).Kind.ShouldBe(ReconcileKind.Found);

        Held(text).ShouldBe(1);
        Server.Containers.Count(c => c.Text == text).ShouldBe(2, "an EXPIRED container cannot be published");
    }

    [Test]
    public async Task A_lost_answer_to_checking_a_carousel_item_reuses_the_item_containers()
    {
        var before = Server.Containers.Count;

        await AnswerLostOnThenOnePostAsync(InstagramServer.Steps.ContainerStatus, CarouselPost);

        Server.Containers.Count.ShouldBe(before + 4, "three item containers and one carousel container");
    }

    [Test]
    public Task A_throttled_publish_waits_as_long_as_the_usage_header_says() => RateLimitIsReported(TimeSpan.FromMinutes(1));

    [Test]
    public async Task A_publish_past_the_24_hour_limit_waits_until_the_oldest_counted_post_leaves_the_window()
    {
        await PublishAsync(Post(Unique("IG before the limit")));
        var text = Unique("IG past the limit");
        Server.PublishingLimit = Server.Media.Count;
        try
        {
            var refused = await PublishRefusedAsync(Post(text));

            refused.Kind.ShouldBe(PlatformErrorKind.RateLimited, refused.Message);
            var oldest = Server.Media.Min(m => m.CreatedAt);
            refused.RetryAfter!.Value.ShouldBeInRange(oldest.AddDays(1) - DateTimeOffset.UtcNow, oldest.AddDays(1) - DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2));
            Held(text).ShouldBe(0);
        }
        finally
        {
            Server.PublishingLimit = 100;
        }
    }


    [Test]
    public Task A_throttled_publish_without_a_wait_is_rate_limited() => RateLimitIsReported(null);

    [Test]
    public Task A_user_token_about_to_expire_is_exchanged_again_before_publishing() => RefreshesANearlyExpiredTokenBeforePublishing();

    [Test]
    public async Task The_accounts_followers_are_read_from_the_ig_users_followers_count()
    {
        Server.Followers.Set(Server.InstagramUserId, 1234).Set("17841400000000000", 1);

        (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(new AccountMetrics(1234));
    }
}
