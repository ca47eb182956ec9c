using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests;

public sealed class FacebookClientTests : ClientTestBase
{
    [Test]
    public async Task A_text_or_link_post_goes_to_the_page_feed_with_the_page_token()
    {
        Fake.On("POST", "/v25.0/1001/feed", FakeResponse.Json("""{"id":"1001_555"}"""));

        var post = await Client(SocialPlatform.Facebook).PublishAsync(Account("1001", "page-token"),
            new PostContent("Fresh bread", Link: "https://bakery.example/today"), CancellationToken.None);

        post.ShouldBe(new PublishedPost("1001_555", "https://www.facebook.com/1001_555"));
        Fake.Single("POST", "/v25.0/1001/feed").Form().ShouldBe(new Dictionary<string, string>
        {
            ["message"] = "Fresh bread", ["link"] = "https://bakery.example/today", ["access_token"] = "page-token",
        });
    }

    [Test]
    public async Task A_photo_post_sends_the_public_url_to_page_photos_and_answers_the_post_id()
    {
        var photo = Media("loaf.jpg", MediaKind.Image, "image/jpeg");
        Fake.On("POST", "/v25.0/1001/photos", FakeResponse.Json("""{"id":"777","post_id":"1001_778"}"""));

        var post = await Client(SocialPlatform.Facebook).PublishAsync(Account("1001", "page-token"), new PostContent("Loaf", [photo]), CancellationToken.None);

        post.PlatformPostId.ShouldBe("1001_778");
        Fake.Single("POST", "/v25.0/1001/photos").Form().ShouldBe(new Dictionary<string, string>
        {
            ["url"] = photo.Url, ["message"] = "Loaf", ["access_token"] = "page-token",
        });
    }

    [Test]
    public async Task Several_photos_are_uploaded_unpublished_then_attached_in_order_to_one_feed_post()
    {
        var (first, second) = (Media("one.jpg", MediaKind.Image, "image/jpeg"), Media("two.jpg", MediaKind.Image, "image/jpeg"));
        var uploads = 0;
        Fake.On("POST", "/v25.0/1001/photos", _ => FakeResponse.Json($$$"""{"id":"90{{{++uploads}}}"}"""));
        Fake.On("POST", "/v25.0/1001/feed", FakeResponse.Json("""{"id":"1001_999"}"""));

        var post = await Client(SocialPlatform.Facebook).PublishAsync(Account("1001", "page-token"), new PostContent("Two loaves", [first, second]), CancellationToken.None);

        post.ShouldBe(new PublishedPost("1001_999", "https://www.facebook.com/1001_999"));
        Fake.To("POST", "/v25.0/1001/photos").Select(r => r.Form()).ShouldBe(
        [
            new Dictionary<string, string> { ["url"] = first.Url, ["published"] = "false", ["access_token"] = "page-token" },
            new Dictionary<string, string> { ["url"] = second.Url, ["published"] = "false", ["access_token"] = "page-token" },
        ]);
        var feed = Fake.Single("POST", "/v25.0/1001/feed");
        feed.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
        feed.Form().ShouldBe(new Dictionary<string, string>
        {
            ["message"] = "Two loaves",
            ["attached_media[0]"] = """{"media_fbid":"901"}""",
            ["attached_media[1]"] = """{"media_fbid":"902"}""",
            ["access_token"] = "page-token",
        });
    }

    [Test]
    public async Task A_photo_facebook_refuses_stops_the_multi_photo_post_before_the_feed()
    {
        Fake.On("POST", "/v25.0/1001/photos", FakeResponse.Json(
            """{"error":{"message":"(#324) Requires upload file","type":"OAuthException","code":324,"fbtrace_id":"AbC"}}""", 400));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Facebook).PublishAsync(Account("1001", "page-token"),
            new PostContent("x", [Media("a.jpg", MediaKind.Image, "image/jpeg"), Media("b.jpg", MediaKind.Image, "image/jpeg")]), CancellationToken.None));

        error.PlatformCode.ShouldBe("324");
        Fake.To("POST", "/v25.0/1001/photos").Count.ShouldBe(1);
        Fake.To("POST", "/v25.0/1001/feed").ShouldBeEmpty();
    }

    [Test]
    public async Task Metrics_read_post_insights()
    {
        Fake.On("GET", "/v25.0/1001_555/insights", FakeResponse.Json("""
            {"data":[{"name":"post_impressions_unique","period":"lifetime","values":[{"value":321}],"title":"Unique impressions","id":"1001_555/insights/post_impressions_unique/lifetime"},
                     {"name":"post_clicks","period":"lifetime","values":[{"value":12}],"id":"1001_555/insights/post_clicks/lifetime"}]}
            """));

        var metrics = await Client(SocialPlatform.Facebook).GetMetricsAsync(Account("1001", "page-token"), "1001_555", CancellationToken.None);

        metrics.Impressions.ShouldBe(321);
        metrics.Clicks.ShouldBe(12);
        Fake.Single("GET", "/v25.0/1001_555/insights").QueryValues().ShouldBe(new Dictionary<string, string>
        {
            ["metric"] = "post_impressions_unique,post_clicks", ["access_token"] = "page-token",
        });
    }

    [TestCase(400, 190, null, PlatformErrorKind.TokenExpired)]
    [TestCase(400, 190, 460, PlatformErrorKind.TokenRevoked)]
    [TestCase(400, 4, null, PlatformErrorKind.RateLimited)]
    [TestCase(400, 32, null, PlatformErrorKind.RateLimited)]
    [TestCase(400, 506, null, PlatformErrorKind.ContentRejected)]
    [TestCase(500, 2, null, PlatformErrorKind.Transient)]
    [TestCase(403, 200, null, PlatformErrorKind.Permanent)]
    public async Task Graph_errors_map_to_the_taxonomy(int status, int code, int? subcode, PlatformErrorKind expected)
    {
        var sub = subcode is null ? "" : $",\"error_subcode\":{subcode}";
        Fake.On("POST", "/v25.0/1001/feed", FakeResponse.Json(
            $$$"""{"error":{"message":"Something","type":"OAuthException","code":{{{code}}}{{{sub}}},"fbtrace_id":"AbC"}}""", status));

        var error = await Should.ThrowAsync<PlatformException>(() =>
            Client(SocialPlatform.Facebook).PublishAsync(Account("1001", "page-token"), new PostContent("x"), CancellationToken.None));

        error.Kind.ShouldBe(expected);
    }

    [Test]
    public async Task Instagram_publishes_through_a_container_that_is_polled_then_published()
    {
        var image = Media("ig.jpg", MediaKind.Image, "image/jpeg");
        Fake.On("POST", "/v25.0/17841400008460056/media", FakeResponse.Json("""{"id":"17889455560051444"}"""));
        var polls = 0;
        Fake.On("GET", "/v25.0/17889455560051444", _ => FakeResponse.Json(++polls == 1 ? """{"status_code":"IN_PROGRESS","id":"17889455560051444"}""" : """{"status_code":"FINISHED","id":"17889455560051444"}"""));
        Fake.On("POST", "/v25.0/17841400008460056/media_publish", FakeResponse.Json("""{"id":"17920238422030506"}"""));
        Fake.On("GET", "/v25.0/17920238422030506", FakeResponse.Json("""{"permalink":"https://www.instagram.com/p/Cabc/","id":"17920238422030506"}"""));

        var post = await Client(SocialPlatform.Instagram).PublishAsync(Account("17841400008460056", "page-token"), new PostContent("caption", [image]), CancellationToken.None);

        post.ShouldBe(new PublishedPost("17920238422030506", "https://www.instagram.com/p/Cabc/"));
        Fake.Single("POST", "/v25.0/17841400008460056/media").Form().ShouldBe(new Dictionary<string, string>
        {
            ["image_url"] = image.Url, ["caption"] = "caption", ["alt_text"] = "alt ig.jpg", ["access_token"] = "page-token",
        });
        Fake.To("GET", "/v25.0/17889455560051444").Count.ShouldBe(2);
        Fake.Single("POST", "/v25.0/17841400008460056/media_publish").Form().ShouldBe(new Dictionary<string, string>
        {
            ["creation_id"] = "17889455560051444", ["access_token"] = "page-token",
        });
    }
}
