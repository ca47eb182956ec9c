using System.Text.Json;

namespace Platform.Posts.Tests.Breaker;

/// <summary>What the breaker tests drive and look at: failing sends, tweets sent per text, the persisted breaker row.</summary>
internal static class BreakerProbe
{
    /// <summary>
    /// A small threshold, one attempt per target so each failing post is one failure, and a break no test outlives:
    /// tests end it themselves (<see cref="EndBreakAsync"/>), so a slow machine cannot end it before they looked.
    /// </summary>
    public static Dictionary<string, string?> Settings => new()
    {
        ["Publishing:CircuitBreaker:FailureThreshold"] = "2",
        ["Publishing:CircuitBreaker:BreakDuration"] = "00:01:00",
        ["Publishing:MaxAttempts"] = "1",
    };

    public static void FailTweets(this FakePlatform x) =>
        x.On("POST", "/2/tweets", FakeResponse.Json("""{"title":"Service Unavailable","status":503}""", 503));

    public static void AcceptTweets(this FakePlatform x) =>
        x.On("POST", "/2/tweets", _ => FakeResponse.Json($$$"""{"data":{"id":"{{{Guid.NewGuid():N}}}","text":"ok"}}""", 201));

    /// <summary>Tweets sent with exactly this text (other tests' leftovers do not count).</summary>
    public static int Sent(this FakePlatform x, string text) =>
        x.To("POST", "/2/tweets").Count(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString() == text);

    /// <summary>
    /// Publishes <paramref name="count"/> posts now and waits until each one's attempt has failed (the platform must be
    /// failing): refused, the target is FAILED; unknown, it is UNCONFIRMED, its final lookup ahead (which the pause this
    /// failure opens may hold back).
    /// </summary>
    public static async Task FailPostsAsync(HttpClient client, Guid account, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var post = await PostApi.CreateAsync(client, PostApi.Draft(account, $"Doomed #{i} {Guid.NewGuid():N}"));
            await PostApi.PublishAsync(client, post.Id());
            await PostApi.WaitUntilAsync(client, post.Id(), failed => failed.Target().GetProperty("status").GetString() is "Failed" or "Unconfirmed");
        }
    }

    /// <summary>Creates and publishes a post now; returns its id.</summary>
    public static async Task<Guid> PublishNowAsync(HttpClient client, Guid account, string text)
    {
        var post = await PostApi.CreateAsync(client, PostApi.Draft(account, text));
        await PostApi.PublishAsync(client, post.Id());
        return post.Id();
    }

    public static bool IsWaitingForPause(JsonElement post) => post.Target().GetProperty("errorKind").GetString() == "AccountPaused";

    public static async Task<DateTimeOffset?> PausedUntilAsync(this TestDatabase database, Guid account) =>
        (DateTime?)await database.SuperuserScalarAsync("SELECT paused_until FROM posts.account_breakers WHERE social_account_id = $1", account) is { } until
            ? new DateTimeOffset(until, TimeSpan.Zero)
            : null;

    /// <summary>Lets the account's pause run out now, and makes what waited for it due at the same instant.</summary>
    public static async Task EndBreakAsync(this TestDatabase database, Guid account)
    {
        await database.SuperuserScalarAsync("UPDATE posts.account_breakers SET paused_until = now() WHERE social_account_id = $1", account);
        await database.SuperuserScalarAsync("""
            UPDATE posts.publish_queue q SET due_at = now() FROM posts.post_targets t
            WHERE t.id = q.target_id AND t.social_account_id = $1 AND t.error_kind = 'AccountPaused'
            """, account);
    }

    public static async Task<long> BreakerRowsAsync(this TestDatabase database, Guid account) =>
        (long)(await database.SuperuserScalarAsync("SELECT count(*) FROM posts.account_breakers WHERE social_account_id = $1", account))!;

    /// <summary>The <c>posts.account_resumed</c> events raised for <paramref name="account"/> with <paramref name="cause"/>.</summary>
    public static async Task<long> ResumedEventsAsync(this TestDatabase database, Guid account, string cause) =>
        (long)(await database.SuperuserScalarAsync("""
            SELECT count(DISTINCT payload->>'eventId') FROM platform_events.outbox
             WHERE event_type = 'posts.account_resumed' AND payload->>'socialAccountId' = $1 AND payload->>'cause' = $2
            """, account.ToString(), cause))!;

    public static async Task<long> AttemptsAsync(this TestDatabase database, Guid targetId) =>
        (long)(await database.SuperuserScalarAsync("SELECT count(*) FROM posts.target_attempts WHERE target_id = $1", targetId))!;
}
