using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms.Meta;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

/// <summary>
/// How long a throttled Graph call waits: from the usage headers of
/// https://developers.facebook.com/docs/graph-api/overview/rate-limiting, and for the publishing limits from
/// https://developers.facebook.com/docs/instagram-platform/content-publishing/ ("Rate Limit") and
/// https://developers.facebook.com/docs/threads/troubleshooting ("Rate Limiting").
/// </summary>
public sealed class MetaThrottlingTests : ClientTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void The_business_use_case_header_gives_the_longest_estimated_minutes() =>
        GraphThrottleWait.From(
            """{"1001":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":3},{"type":"instagram","call_count":20,"estimated_time_to_regain_access":12}]}""",
            null).ShouldBe(TimeSpan.FromMinutes(12));

    [Test]
    public void The_ad_account_header_gives_its_reset_duration_in_seconds() =>
        GraphThrottleWait.From(null, """{"acc_id_util_pct":100,"reset_time_duration":90,"ads_api_access_tier":"standard_access"}""").ShouldBe(TimeSpan.FromSeconds(90));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not json")]
    [TestCase("""{"1001":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":0}]}""")]
    public void Headers_without_a_wait_above_zero_give_none(string? header) => GraphThrottleWait.From(header, header).ShouldBeNull();

    [Test]
    public void The_publishing_window_has_room_when_the_oldest_counted_post_leaves_it()
    {
        var times = new[] { Now.AddHours(-1), Now.AddHours(-20), Now.AddHours(-5) };

        PublishingWindow.WaitUntilRoom(times, 3, TimeSpan.FromDays(1), Now)
            .ShouldBe(TimeSpan.FromHours(4) + PublishingWindow.Margin);
    }

    [Test]
    public void A_window_listing_fewer_posts_than_the_quota_cannot_tell_when_room_returns() =>
        PublishingWindow.WaitUntilRoom([Now.AddHours(-1), Now.AddDays(-2)], 2, TimeSpan.FromDays(1), Now).ShouldBeNull();

    [Test]
    public async Task A_throttled_publish_waits_as_long_as_the_business_use_case_header_says()
    {
        Fake.On("POST", "/v25.0/1001/feed", FakeResponse.Json(
            """{"error":{"message":"(#80001) There have been too many calls to this Page account.","type":"OAuthException","code":80001,"fbtrace_id":"A1"}}""", 400,
            new Dictionary<string, string> { ["X-Business-Use-Case-Usage"] = """{"1001":[{"type":"pages","call_count":100,"total_cputime":10,"total_time":10,"estimated_time_to_regain_access":17}]}""" }));

        var refused = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Facebook).PublishAsync(Account("1001", "page-token"),
            new PostContent("Too soon"), CancellationToken.None));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        refused.RetryAfter.ShouldBe(TimeSpan.FromMinutes(17));
    }

    [Test]
    public async Task A_throttled_publish_without_a_wait_header_waits_the_default()
    {
        Fake.On("POST", "/v25.0/1001/feed", FakeResponse.Json(
            """{"error":{"message":"(#17) User request limit reached","type":"OAuthException","code":17,"fbtrace_id":"A1"}}""", 400,
            new Dictionary<string, string> { ["X-App-Usage"] = """{"call_count":100,"total_cputime":25,"total_time":25}""" }));

        var refused = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Facebook).PublishAsync(Account("1001", "page-token"),
            new PostContent("Too soon"), CancellationToken.None));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited);
        refused.RetryAfter.ShouldBe(MetaGraphClient.DefaultThrottleWait);
    }

    [Test]
    public async Task A_publish_past_the_daily_limit_is_rate_limited_until_the_oldest_counted_post_leaves_the_window()
    {
        var photo = Media("p.jpg", MediaKind.Image, "image/jpeg");
        Fake.On("POST", "/v25.0/1784/media", FakeResponse.Json("""{"id":"c1"}"""));
        Fake.On("GET", "/v25.0/c1", FakeResponse.Json("""{"status_code":"FINISHED","id":"c1"}"""));
        Fake.On("POST", "/v25.0/1784/media_publish", FakeResponse.Json(
            """{"error":{"message":"Application request limit reached","type":"OAuthException","code":9,"error_subcode":2207042,"fbtrace_id":"A1"}}""", 400));
        Fake.On("GET", "/v25.0/1784/content_publishing_limit", FakeResponse.Json("""{"data":[{"quota_usage":2,"config":{"quota_total":2,"quota_duration":86400}}]}"""));
        var oldest = DateTimeOffset.UtcNow.AddHours(-21);
        Fake.On("GET", "/v25.0/1784/media", FakeResponse.Json(
            $$"""{"data":[{"id":"m2","timestamp":"{{DateTimeOffset.UtcNow.AddHours(-1):yyyy-MM-dd'T'HH:mm:ss'+0000'}}"},{"id":"m1","timestamp":"{{oldest:yyyy-MM-dd'T'HH:mm:ss'+0000'}}"}]}"""));

        var refused = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Instagram).PublishAsync(
            Account("1784", "page-token", metadata: new() { ["page_id"] = "2001" }), new PostContent("One too many", [photo]), CancellationToken.None));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited, refused.Message);
        refused.NothingCreated.ShouldBeTrue();
        refused.PublishingLimitReached.ShouldBeTrue();
        refused.RetryAfter!.Value.ShouldBeInRange(TimeSpan.FromHours(3), TimeSpan.FromHours(3) + TimeSpan.FromMinutes(2));
        Fake.Single("GET", "/v25.0/1784/media").QueryValues()["limit"].ShouldBe("2");
    }

    [Test]
    public async Task A_publish_past_the_daily_limit_whose_window_cannot_be_read_waits_the_fallback()
    {
        var photo = Media("p.jpg", MediaKind.Image, "image/jpeg");
        Fake.On("POST", "/v25.0/1784/media", FakeResponse.Json("""{"id":"c1"}"""));
        Fake.On("GET", "/v25.0/c1", FakeResponse.Json("""{"status_code":"FINISHED","id":"c1"}"""));
        Fake.On("POST", "/v25.0/1784/media_publish", FakeResponse.Json(
            """{"error":{"message":"Application request limit reached","type":"OAuthException","code":9,"error_subcode":2207042,"fbtrace_id":"A1"}}""", 400));

        var refused = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Instagram).PublishAsync(
            Account("1784", "page-token", metadata: new() { ["page_id"] = "2001" }), new PostContent("One too many", [photo]), CancellationToken.None));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited, refused.Message);
        refused.RetryAfter.ShouldBe(MetaGraphClient.PublishingLimitWait);
    }

    private const string ThreadsLimitError =
        """{"error":{"message":"(#4) Application request limit reached","type":"OAuthException","code":4,"fbtrace_id":"A1"}}""";

    private Task<PlatformException> PublishToThreadsAsync()
    {
        Fake.On("POST", "/v1.0/1234/threads", FakeResponse.Json("""{"id":"c1"}"""));
        Fake.On("POST", "/v1.0/1234/threads_publish", FakeResponse.Json(ThreadsLimitError, 400));
        return Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Threads).PublishAsync(Account("1234", "th-long"),
            new PostContent("One too many"), CancellationToken.None));
    }

    [Test]
    public async Task A_threads_publish_past_its_limit_waits_until_the_oldest_counted_thread_leaves_the_window()
    {
        Fake.On("GET", "/v1.0/1234/threads_publishing_limit", FakeResponse.Json("""{"data":[{"quota_usage":2,"config":{"quota_total":2,"quota_duration":86400}}]}"""));
        var oldest = DateTimeOffset.UtcNow.AddHours(-22);
        Fake.On("GET", "/v1.0/1234/threads", FakeResponse.Json(
            $$"""{"data":[{"id":"t2","timestamp":"{{DateTimeOffset.UtcNow.AddHours(-1):yyyy-MM-dd'T'HH:mm:ss'+0000'}}"},{"id":"t1","timestamp":"{{oldest:yyyy-MM-dd'T'HH:mm:ss'+0000'}}"}]}"""));

        var refused = await PublishToThreadsAsync();

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited, refused.Message);
        refused.PublishingLimitReached.ShouldBeTrue();
        refused.NothingCreated.ShouldBeTrue();
        refused.RetryAfter!.Value.ShouldBeInRange(TimeSpan.FromHours(2), TimeSpan.FromHours(2) + TimeSpan.FromMinutes(2));
        Fake.Single("GET", "/v1.0/1234/threads").QueryValues()["limit"].ShouldBe("2");
    }

    [Test]
    public async Task A_threads_limit_larger_than_one_page_of_threads_is_tried_again_hourly()
    {
        Fake.On("GET", "/v1.0/1234/threads_publishing_limit", FakeResponse.Json("""{"data":[{"quota_usage":250,"config":{"quota_total":250,"quota_duration":86400}}]}"""));
        Fake.On("GET", "/v1.0/1234/threads", FakeResponse.Json("""{"data":[{"id":"t1","timestamp":"2026-12-05T11:00:00+0000"}]}"""));

        var refused = await PublishToThreadsAsync();

        refused.PublishingLimitReached.ShouldBeTrue();
        refused.RetryAfter.ShouldBe(MetaGraphClient.PublishingLimitWait);
        Fake.Single("GET", "/v1.0/1234/threads").QueryValues()["limit"].ShouldBe("100");
    }

    [Test]
    public async Task A_threads_throttle_with_room_left_in_the_publishing_limit_is_an_ordinary_throttle()
    {
        Fake.On("GET", "/v1.0/1234/threads_publishing_limit", FakeResponse.Json("""{"data":[{"quota_usage":3,"config":{"quota_total":250,"quota_duration":86400}}]}"""));

        var refused = await PublishToThreadsAsync();

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited, refused.Message);
        refused.PublishingLimitReached.ShouldBeFalse();
        refused.RetryAfter.ShouldBe(MetaGraphClient.DefaultThrottleWait);
    }
}
