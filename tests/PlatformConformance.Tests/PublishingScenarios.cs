using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>
/// The scenarios every platform runs, as steps its fixture calls from its own [Test] methods (so a scenario that
/// finds a defect on one platform is left out there and listed in docs/platform-conformance.md, not skipped).
/// <see cref="Post"/> builds a post of the platform's plainest publishable kind; <see cref="Held"/> finds what the
/// server holds of it; <see cref="AcceptStep"/> is the step whose success creates it.
/// </summary>
public abstract class PublishingScenarios<TServer> : ConformanceFixture<TServer> where TServer : PlatformServer, new()
{
    private protected abstract PostContent Post(string text);

    /// <summary>How many posts/pins/videos the server holds whose text is <paramref name="text"/>.</summary>
    private protected abstract int Held(string text);

    private protected abstract string AcceptStep { get; }

    /// <summary>The step a platform rate-limits (the accepting one unless the platform limits an earlier call).</summary>
    private protected virtual string RateLimitedStep => AcceptStep;

    private protected async Task PublishesExactlyOnce()
    {
        var text = Unique("Hello from the conformance suite");

        var published = await PublishAsync(Post(text));

        published.PlatformPostId.ShouldNotBeNullOrWhiteSpace();
        Held(text).ShouldBe(1);
    }

    private protected async Task FindsThePostAfterItsAnswerWasLost(LostAnswer how)
    {
        var text = Unique("Lost answer");
        var lostSince = DateTimeOffset.UtcNow;
        var journal = new PublishJournal();
        Server.Faults.LoseAnswerAfterAccept(AcceptStep, how);

        await PublishLosingTheAnswerAsync(Post(text), journal);
        Held(text).ShouldBe(1, "the platform accepted the post before the answer was lost");
        (await RetryAsTheEngineDoesAsync(Post(text), lostSince, journal)).Kind.ShouldBe(ReconcileKind.Found);

        Held(text).ShouldBe(1, "the next attempt must find the accepted post, not publish it again; the listing answered: " +
            string.Join(" | ", (await RecentAsync()).Select(p => $"{p.PlatformPostId} '{p.Text}' {p.CreatedAt:O}")));
    }

    /// <summary>A 5xx on <paramref name="step"/> of a post built by <paramref name="build"/> (the plain post when null).</summary>
    private protected async Task ServerErrorIsTransientAndCreatesNothing(string step, Func<string, PostContent>? build = null)
    {
        build ??= Post;
        var text = Unique("Server error on " + step);
        Server.Faults.FailWithServerError(step);

        var refused = await PublishRefusedAsync(build(text));

        refused.Kind.ShouldBe(PlatformErrorKind.Transient, refused.Message);
        Held(text).ShouldBe(0);
    }

    /// <summary>As above, then the engine's next attempt (a lookup first, since a 5xx leaves the outcome unknown) publishes once.</summary>
    private protected async Task ServerErrorThenTheNextAttemptPublishesOnce(string step, Func<string, PostContent>? build = null)
    {
        build ??= Post;
        var text = Unique("Retried after a server error on " + step);
        var journal = new PublishJournal();
        Server.Faults.FailWithServerError(step);

        await Should.ThrowAsync<PlatformException>(() => PublishAsync(build(text), journal));
        await RetryAsTheEngineDoesAsync(build(text), DateTimeOffset.UtcNow, journal);

        Held(text).ShouldBe(1);
    }

    /// <summary>
    /// A 5xx on a step after which the platform may already hold everything (a status check, an upload the client can
    /// resume): the client either recovers or fails transiently, and after the engine's next attempt there is one post.
    /// </summary>
    private protected async Task ServerErrorEndsInOnePost(string step)
    {
        var text = Unique("Server error on " + step);
        var lostSince = DateTimeOffset.UtcNow;
        var journal = new PublishJournal();
        Server.Faults.FailWithServerError(step);

        try
        {
            await PublishAsync(Post(text), journal);
        }
        catch (PlatformException failure)
        {
            failure.Kind.ShouldBe(PlatformErrorKind.Transient, failure.Message);
            await RetryAsTheEngineDoesAsync(Post(text), lostSince, journal);
        }

        Held(text).ShouldBe(1);
    }

    /// <summary>
    /// The platform accepts <paramref name="step"/> (an intermediate one or the last) but its answer is lost; the engine's
    /// next attempt looks the post up with the steps recorded so far and publishes only if it is absent. Answers the
    /// post's text, so that the caller can also count the containers or uploads the server holds of it.
    /// </summary>
    private protected async Task<string> AnswerLostOnThenOnePostAsync(string step, Func<string, PostContent>? build = null, LostAnswer how = LostAnswer.Abort)
    {
        build ??= Post;
        var text = Unique("Lost answer to " + step);
        var journal = new PublishJournal();
        var lostSince = DateTimeOffset.UtcNow;
        Server.Faults.LoseAnswerAfterAccept(step, how);

        await PublishLosingTheAnswerAsync(build(text), journal);
        (await RetryAsTheEngineDoesAsync(build(text), lostSince, journal)).Kind.ShouldBe(ReconcileKind.Found);

        Held(text).ShouldBe(1);
        return text;
    }

    /// <summary>A 5xx on <paramref name="step"/> fails the attempt; the engine's next attempt publishes once. Answers the post's text.</summary>
    private protected async Task<string> ServerErrorOnThenOnePostAsync(string step, Func<string, PostContent>? build = null)
    {
        build ??= Post;
        var text = Unique("5xx on " + step);
        var journal = new PublishJournal();
        Server.Faults.FailWithServerError(step);

        (await Should.ThrowAsync<PlatformException>(() => PublishAsync(build(text), journal))).Kind.ShouldBe(PlatformErrorKind.Transient);
        (await RetryAsTheEngineDoesAsync(build(text), DateTimeOffset.UtcNow, journal)).Kind.ShouldBe(ReconcileKind.Found);

        Held(text).ShouldBe(1);
        return text;
    }

    /// <summary>
    /// The media is still processing when the attempt stops polling (the fixture allows 5 polls); the engine's next attempt
    /// publishes once. Answers the post's text.
    /// </summary>
    private protected async Task<string> StillProcessingThenOnePostAsync(Func<string, PostContent> build, int polls = 7)
    {
        var text = Unique("Still processing");
        var journal = new PublishJournal();
        Server.Faults.StillProcessingFor(polls);

        (await Should.ThrowAsync<PlatformException>(() => PublishAsync(build(text), journal))).Kind.ShouldBe(PlatformErrorKind.Transient);
        Held(text).ShouldBe(0);
        (await RetryAsTheEngineDoesAsync(build(text), DateTimeOffset.UtcNow, journal)).Kind.ShouldBe(ReconcileKind.Found);

        Held(text).ShouldBe(1);
        return text;
    }

    private protected async Task RateLimitIsReported(TimeSpan? retryAfter)
    {
        var text = Unique("Rate limited");
        Server.Faults.RateLimit(RateLimitedStep, retryAfter);

        var refused = await PublishRefusedAsync(Post(text));

        refused.Kind.ShouldBe(PlatformErrorKind.RateLimited, refused.Message);
        if (retryAfter is { } wait)
        {
            refused.RetryAfter.ShouldNotBeNull();
            refused.RetryAfter.Value.ShouldBeInRange(wait - TimeSpan.FromSeconds(2), wait + TimeSpan.FromSeconds(1));
        }
        Held(text).ShouldBe(0);
    }

    private protected async Task InvalidatedTokenNeedsAReconnect()
    {
        var text = Unique("Revoked");
        Server.Faults.InvalidateTokens();

        var refused = await PublishRefusedAsync(Post(text));

        refused.Kind.ShouldBeOneOf(PlatformErrorKind.TokenRevoked, PlatformErrorKind.TokenExpired);
        Held(text).ShouldBe(0);
        (await AccountAsync()).GetProperty("status").GetString().ShouldBeOneOf(nameof(AccountStatus.Revoked), nameof(AccountStatus.Expired));
    }

    /// <summary>Deterministic bytes standing in for a media file of <paramref name="length"/> bytes.</summary>
    private protected static byte[] MediaBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    /// <summary>
    /// A token refresh whose answer is lost after the platform issued the new token (a dropped connection, or our process
    /// killed before it stored the answer): the token we kept must go on working and refreshing, or the account is lost.
    /// </summary>
    private protected async Task KeepsPublishingAfterATokenRefreshWhoseAnswerWasLost(string refreshStep)
    {
        Server.Grants.AccessTokenLifetime = TimeSpan.FromMinutes(5);
        var (tenant, account) = await ConnectNewAccountAsync();
        Server.Faults.LoseAnswerAfterAccept(refreshStep);
        var before = Server.Grants.Refreshes;

        await Should.ThrowAsync<Exception>(() => PublishAsync(Post(Unique("Refresh answer lost")), account, tenant));
        var text = Unique("After a lost refresh answer");
        await PublishAsync(Post(text), account, tenant);

        Server.Grants.Refreshes.ShouldBe(before + 2, "the lost refresh, then one with the token kept");
        Held(text).ShouldBe(1);
    }

    private protected async Task RefreshesANearlyExpiredTokenBeforePublishing()
    {
        Server.Grants.AccessTokenLifetime = TimeSpan.FromMinutes(5);
        (var tenant, var account) = await ConnectNewAccountAsync();
        var before = Server.Grants.Refreshes;
        var text = Unique("After refresh");

        await PublishAsync(Post(text), account, tenant);

        Server.Grants.Refreshes.ShouldBe(before + 1);
        Held(text).ShouldBe(1);
    }
}
