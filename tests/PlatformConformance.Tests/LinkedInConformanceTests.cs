using Platform.PlatformServers.LinkedIn;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>Our LinkedIn client against a server written from LinkedIn's documentation (see <see cref="LinkedInServer"/>).</summary>
public sealed class LinkedInConformanceTests : PublishingScenarios<LinkedInServer>
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8];

    private protected override SocialPlatform Platform => SocialPlatform.LinkedIn;

    private protected override string AcceptStep => LinkedInServer.Steps.CreatePost;

    private protected override PostContent Post(string text) => new(text);

    // Finding posts by author needs r_member_social (restricted; Posts API "Permissions"), which the default scopes
    // lack (docs/platform-conformance.md). These tests run as an app granted it, so the rest can be checked.
    private protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Platforms:LinkedIn:Scopes"] = "openid profile w_member_social r_member_social",
    };

    private protected override int Held(string text) => Server.Posts.Count(p => p.Commentary == text);

    private PostContent ImagePost(string text) =>
        new(text, [new MediaItem(Server.HostMedia("photo.jpg", Jpeg, "image/jpeg"), MediaKind.Image, "image/jpeg", Jpeg.Length, AltText: "a photo")]);

    [Test]
    public async Task Connecting_reads_the_member_from_OpenID_userinfo()
    {
        var account = await AccountAsync();

        account.GetProperty("status").GetString().ShouldBe(nameof(AccountStatus.Active));
        account.GetProperty("externalId").GetString().ShouldBeOneOf(Server.MemberId, Server.PersonUrn);
    }

    [Test]
    public async Task A_text_post_is_created_once_as_the_member_published_to_the_main_feed()
    {
        var text = Unique("LinkedIn text post");

        var published = await PublishAsync(Post(text));

        var post = Server.Posts.Single(p => p.Commentary == text);
        post.Author.ShouldBe(Server.PersonUrn);
        post.LifecycleState.ShouldBe("PUBLISHED");
        post.MediaId.ShouldBeNull();
        published.PlatformPostId.ShouldBe(post.Id);
    }

    [Test]
    public async Task An_image_post_uploads_the_image_then_creates_one_post_carrying_it()
    {
        var text = Unique("LinkedIn image post");

        await PublishAsync(ImagePost(text));

        var post = Server.Posts.Single(p => p.Commentary == text);
        var image = Server.Images.Single(i => i.Urn == post.MediaId);
        image.Bytes.ShouldBe(Jpeg);
    }

    [Test]
    public Task A_text_post_is_published_exactly_once() => PublishesExactlyOnce();

    [Test]
    public Task A_5xx_on_create_post_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(LinkedInServer.Steps.CreatePost);

    [Test]
    public Task A_5xx_on_image_initialize_is_transient_and_creates_nothing() =>
        ServerErrorIsTransientAndCreatesNothing(LinkedInServer.Steps.InitializeImage, ImagePost);

    [Test]
    public Task A_5xx_on_image_upload_is_transient_and_creates_nothing() =>
        ServerErrorIsTransientAndCreatesNothing(LinkedInServer.Steps.UploadImage, ImagePost);

    [Test]
    public Task After_a_5xx_on_create_post_the_next_attempt_posts_once() =>
        ServerErrorThenTheNextAttemptPublishesOnce(LinkedInServer.Steps.CreatePost);

    [Test]
    public Task After_a_5xx_on_image_initialize_the_next_attempt_posts_once() =>
        ServerErrorThenTheNextAttemptPublishesOnce(LinkedInServer.Steps.InitializeImage, ImagePost);

    [Test]
    public Task After_a_5xx_on_image_upload_the_next_attempt_posts_once() =>
        ServerErrorThenTheNextAttemptPublishesOnce(LinkedInServer.Steps.UploadImage, ImagePost);

    [Test]
    public Task A_lost_answer_to_create_post_is_found_not_posted_again_when_the_connection_drops() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Abort);

    [Test]
    public Task A_lost_answer_to_create_post_is_found_not_posted_again_when_the_answer_times_out() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Hold);

    [Test]
    public Task A_429_with_Retry_After_is_rate_limited_for_that_long() => RateLimitIsReported(TimeSpan.FromSeconds(30));

    [Test]
    public Task A_429_without_Retry_After_is_rate_limited() => RateLimitIsReported(null);

    [Test]
    public Task A_token_revoked_early_needs_a_reconnect() => InvalidatedTokenNeedsAReconnect();

    [Test]
    public Task A_token_about_to_expire_is_refreshed_before_publishing() => RefreshesANearlyExpiredTokenBeforePublishing();

    [Test]
    public async Task Followers_are_not_asked_for_since_the_member_follower_count_needs_a_scope_we_do_not_request()
    {
        Server.Followers.Set(Server.PersonUrn, 100);

        (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(AccountMetrics.NotOffered);
    }
}
