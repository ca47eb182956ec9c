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
    public async Task Metrics_read_post_insights_with_unique_media_views_as_reach()
    {
        // https://developers.facebook.com/docs/graph-api/reference/insights#page-posts
        Fake.On("GET", "/v25.0/1001_555/insights", FakeResponse.Json("""
            {"data":[{"name":"post_impressions","period":"lifetime","values":[{"value":540}],"title":"Post impressions","id":"1001_555/insights/post_impressions/lifetime"},
                     {"name":"post_total_media_view_unique","period":"lifetime","values":[{"value":321}],"title":"Unique views","id":"1001_555/insights/post_total_media_view_unique/lifetime"},
                     {"name":"post_clicks","period":"lifetime","values":[{"value":12}],"id":"1001_555/insights/post_clicks/lifetime"}]}
            """));

        // https://developers.facebook.com/docs/graph-api/reference/post: shares {count}; comments and reactions with summary.
        Fake.On("GET", "/v25.0/1001_555", FakeResponse.Json("""
            {"id":"1001_555","shares":{"count":3},"comments":{"data":[],"summary":{"total_count":4}},"reactions":{"data":[],"summary":{"total_count":25}}}
            """));

        var metrics = await Client(SocialPlatform.Facebook).GetMetricsAsync(Account("1001", "page-token"), "1001_555", CancellationToken.None);

        metrics.Likes.ShouldBe(25);
        metrics.Comments.ShouldBe(4);
        metrics.Shares.ShouldBe(3);
        metrics.Impressions.ShouldBe(540);
        metrics.Reach.ShouldBe(321);
        metrics.Clicks.ShouldBe(12);
        metrics.Saves.ShouldBeNull("Page posts report no saves");
        Fake.Single("GET", "/v25.0/1001_555/insights").QueryValues().ShouldBe(new Dictionary<string, string>
        {
            ["metric"] = "post_impressions,post_total_media_view_unique,post_clicks", ["access_token"] = "page-token",
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
    public async Task Instagram_metrics_keep_reach_as_reach_and_saved_as_saves()
    {
        // https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights: media insights
        // carry reach (unique accounts) and saved, and no impressions figure.
        Fake.On("GET", "/v25.0/17920000000000001/insights", FakeResponse.Json("""
            {"data":[{"name":"reach","period":"lifetime","values":[{"value":210}],"id":"17920000000000001/insights/reach/lifetime"},
                     {"name":"saved","period":"lifetime","values":[{"value":7}],"id":"17920000000000001/insights/saved/lifetime"},
                     {"name":"likes","period":"lifetime","values":[{"value":30}],"id":"17920000000000001/insights/likes/lifetime"}]}
            """));

        var metrics = await Client(SocialPlatform.Instagram).GetMetricsAsync(Account("17841400008460056", "page-token"), "17920000000000001", CancellationToken.None);

        metrics.Reach.ShouldBe(210);
        metrics.Saves.ShouldBe(7);
        metrics.Likes.ShouldBe(30);
        metrics.Impressions.ShouldBeNull();
        metrics.Views.ShouldBeNull("a figure Instagram did not report is unknown, not zero");
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

    // Carousel flow: https://developers.facebook.com/docs/instagram-platform/content-publishing/#carousel-posts
    // (POST /{ig-user-id}/media with is_carousel_item per child, then media_type=CAROUSEL with children, then
    // POST /{ig-user-id}/media_publish with creation_id); container status: GET /{ig-container-id}?fields=status_code
    // (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container).
    [Test]
    public async Task An_instagram_carousel_waits_for_every_child_and_the_carousel_to_finish_before_publishing()
    {
        var (first, second) = (Media("c1.jpg", MediaKind.Image, "image/jpeg"), Media("c2.jpg", MediaKind.Image, "image/jpeg"));
        Fake.On("POST", "/v25.0/17841400008460056/media", request => FakeResponse.Json(request.Form().GetValueOrDefault("media_type") == "CAROUSEL"
            ? """{"id":"300"}"""
            : request.Form()["image_url"] == first.Url ? """{"id":"101"}""" : """{"id":"102"}"""));
        foreach (var container in new[] { "101", "102", "300" })
        {
            var polls = 0;
            Fake.On("GET", $"/v25.0/{container}", _ => FakeResponse.Json(++polls == 1
                ? $$"""{"status_code":"IN_PROGRESS","id":"{{container}}"}"""
                : $$"""{"status_code":"FINISHED","id":"{{container}}"}"""));
        }
        Fake.On("POST", "/v25.0/17841400008460056/media_publish", FakeResponse.Json("""{"id":"17920238422030599"}"""));
        Fake.On("GET", "/v25.0/17920238422030599", FakeResponse.Json("""{"permalink":"https://www.instagram.com/p/Ccar/","id":"17920238422030599"}"""));

        var post = await Client(SocialPlatform.Instagram).PublishAsync(Account("17841400008460056", "page-token"),
            new PostContent("two loaves", [first, second]), CancellationToken.None);

        post.ShouldBe(new PublishedPost("17920238422030599", "https://www.instagram.com/p/Ccar/"));
        var order = Fake.Requests.Select(r => r.Method == "POST" && r.Path.EndsWith("/media", StringComparison.Ordinal)
            ? "create " + (r.Form().GetValueOrDefault("media_type") ?? r.Form()["image_url"][^6..])
            : $"{r.Method} {r.Path.Split('/')[^1]}").Where(step => !step.StartsWith("GET c", StringComparison.Ordinal)).ToList();
        order.ShouldBe(
        [
            "create c1.jpg", "create c2.jpg",
            "GET 101", "GET 101", "GET 102", "GET 102",
            "create CAROUSEL",
            "GET 300", "GET 300",
            "POST media_publish", "GET 17920238422030599",
        ]);
        Fake.To("POST", "/v25.0/17841400008460056/media").Single(r => r.Form().ContainsKey("children")).Form()["children"].ShouldBe("101,102");
    }

    [Test]
    public async Task An_instagram_child_that_failed_processing_stops_the_carousel_as_rejected_content()
    {
        Fake.On("POST", "/v25.0/17841400008460056/media", FakeResponse.Json("""{"id":"101"}"""));
        Fake.On("GET", "/v25.0/101", FakeResponse.Json("""{"status_code":"ERROR","id":"101"}"""));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Instagram).PublishAsync(Account("17841400008460056", "page-token"),
            new PostContent("x", [Media("e1.jpg", MediaKind.Image, "image/jpeg"), Media("e2.jpg", MediaKind.Image, "image/jpeg")]), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.ContentRejected);
        Fake.To("POST", "/v25.0/17841400008460056/media").Count(r => r.Form().ContainsKey("children")).ShouldBe(0);
        Fake.To("POST", "/v25.0/17841400008460056/media_publish").ShouldBeEmpty();
    }

    [Test]
    public async Task Instagram_media_not_ready_for_publishing_is_transient_and_says_so_in_instagrams_words()
    {
        // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes:
        // 400, code 9007, subcode 2207027, "The media is not ready for publishing, please wait for a moment".
        var image = Media("late.jpg", MediaKind.Image, "image/jpeg");
        Fake.On("POST", "/v25.0/17841400008460056/media", FakeResponse.Json("""{"id":"401"}"""));
        Fake.On("GET", "/v25.0/401", FakeResponse.Json("""{"status_code":"FINISHED","id":"401"}"""));
        Fake.On("POST", "/v25.0/17841400008460056/media_publish", FakeResponse.Json("""
            {"error":{"message":"Media ID is not available","type":"OAuthException","code":9007,"error_subcode":2207027,"is_transient":false,
              "error_user_title":"Media not ready","error_user_msg":"The media is not ready for publishing, please wait for a moment","fbtrace_id":"AbC"}}
            """, 400));

        var error = await Should.ThrowAsync<PlatformException>(() => Client(SocialPlatform.Instagram).PublishAsync(Account("17841400008460056", "page-token"),
            new PostContent("caption", [image]), CancellationToken.None));

        error.Kind.ShouldBe(PlatformErrorKind.Transient);
        error.PlatformCode.ShouldBe("9007/2207027");
        error.Message.ShouldContain("The media is not ready for publishing, please wait for a moment");
    }
}
