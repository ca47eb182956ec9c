using System.Net;
using Shouldly;

namespace Platform.Posts.Tests;

/// <summary>Publishing as /metrics shows it: attempts by platform, kind and outcome, rate-limit deferrals, token refreshes, claim lateness.</summary>
public sealed class PublishingTelemetryTests : PostsFixture
{
    private const string ScrapeSecret = "posts-tests-scrape-secret-000001";
    private int tweetIds = 5_000;

    // The in-process server gives callers no address, so the scrape is let in by its secret alone.
    protected override Dictionary<string, string?> Settings => new() { ["Telemetry:Metrics:BearerSecret"] = ScrapeSecret };

    [SetUp]
    public void Reset() => x.Reset();

    [Test]
    public async Task A_published_post_counts_one_published_attempt_for_its_platform_and_kind()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", _ => Tweet());
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Counted once"));

        (await PostApi.PublishAsync(owner.Client, post.Id())).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");

        var samples = await ScrapeUntilAsync(s => IsAttempt(s, "published"), "published attempt");
        samples.ShouldContain(s => s.Name == "platform_publishing_claim_lateness_seconds_count" && s.Value >= 1);
    }

    [Test]
    public async Task A_rate_limited_attempt_counts_as_refused_and_as_a_rate_limit_deferral()
    {
        var (owner, account) = await OwnerWithXAsync();
        var calls = 0;
        x.On("POST", "/2/tweets", _ => Interlocked.Increment(ref calls) == 1
            ? XResponses.TooManyRequests(TimeSpan.FromSeconds(1))
            : Tweet());
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Limited then sent"));

        await PostApi.PublishAsync(owner.Client, post.Id());
        await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");

        var samples = await ScrapeUntilAsync(s => IsAttempt(s, "refused"), "refused attempt");
        samples.ShouldContain(s => s.Name == "platform_publishing_deferrals_total" && s.Has("platform", "x") && s.Has("reason", "rate_limited") && s.Value >= 1);
    }

    [Test]
    public async Task A_token_refresh_inside_a_publish_counts_by_platform_and_outcome()
    {
        var (owner, account) = await OwnerWithXAsync();
        x.On("POST", "/2/tweets", _ => Tweet());
        // Close to expiry: the client refreshes before it publishes (the token endpoint answers as at connection).
        await SuperuserScalarAsync("UPDATE social_accounts.accounts SET token_expires_at = now() + interval '5 minutes' WHERE id = $1", account);
        var post = await PostApi.CreateAsync(owner.Client, PostApi.Draft(account, "Fresh token"));

        await PostApi.PublishAsync(owner.Client, post.Id());
        await PostApi.WaitForAsync(owner.Client, post.Id(), "Published");

        await ScrapeUntilAsync(s => s.Name == "platform_social_accounts_token_refreshes_total" && s.Has("platform", "x") && s.Has("outcome", "refreshed") && s.Value >= 1,
            "token refresh");
    }

    private static bool IsAttempt(PrometheusSample sample, string outcome) =>
        sample.Name == "platform_publishing_attempts_total" && sample.Has("platform", "x") && sample.Has("kind", "text") && sample.Has("outcome", outcome) && sample.Value >= 1;

    private async Task<IReadOnlyList<PrometheusSample>> ScrapeUntilAsync(Func<PrometheusSample, bool> wanted, string what)
    {
        using var client = app.CreateClient();
        return await client.ScrapeUntilAsync(wanted, what, ScrapeSecret);
    }

    private FakeResponse Tweet() => FakeResponse.Json($$$"""{"data":{"id":"{{{Interlocked.Increment(ref tweetIds)}}}","text":"ok"}}""", 201);
}
