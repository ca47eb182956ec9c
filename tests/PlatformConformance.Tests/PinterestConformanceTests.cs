using System.Net;
using System.Text.Json;
using Platform.PlatformServers.Pinterest;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests;

/// <summary>Our Pinterest client against a server written from Pinterest's documentation (see <see cref="PinterestServer"/>).</summary>
public sealed class PinterestConformanceTests : PublishingScenarios<PinterestServer>
{
    private const string Board = "549755885175";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7, 6];

    private protected override SocialPlatform Platform => SocialPlatform.Pinterest;

    private protected override string AcceptStep => PinterestServer.Steps.CreatePin;

    private protected override PostContent Post(string text) =>
        new(text, [new MediaItem(Server.HostMedia("pin.jpg", Jpeg, "image/jpeg"), MediaKind.Image, "image/jpeg", Jpeg.Length, AltText: "a pin")],
            Link: "https://example.com/landing", Title: "Pin title", BoardId: Board);

    private protected override int Held(string text) => Server.Pins.Count(p => p.Description == text);

    [Test]
    public async Task Connecting_reads_the_user_account()
    {
        var account = await AccountAsync();

        account.GetProperty("status").GetString().ShouldBe(nameof(AccountStatus.Active));
        account.GetProperty("externalId").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task An_image_pin_is_created_once_on_the_board_with_its_title_link_and_image()
    {
        var text = Unique("Pin description");

        var published = await PublishAsync(Post(text));

        var pin = Server.Pins.Single(p => p.Description == text);
        pin.BoardId.ShouldBe(Board);
        pin.Title.ShouldBe("Pin title");
        pin.Link.ShouldBe("https://example.com/landing");
        pin.ImageUrl.ShouldBe($"{Server.Url}/media/pin.jpg");
        published.PlatformPostId.ShouldBe(pin.Id);
    }

    [Test]
    public Task A_pin_is_published_exactly_once() => PublishesExactlyOnce();

    [Test]
    public async Task The_connected_account_lists_its_boards_to_choose_where_a_pin_goes()
    {
        var (status, body) = await GetApiAsync($"/api/v1/social-accounts/{AccountId}/boards");

        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        var board = body.GetProperty("boards").EnumerateArray().ShouldHaveSingleItem();
        board.GetProperty("id").GetString().ShouldBe(Board);
        board.GetProperty("name").GetString().ShouldBe("Conformance board");
        body.GetProperty("bookmark").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Test]
    public void The_default_scopes_are_the_ones_pinning_needs()
    {
        // Every connect in this fixture uses the default scopes, and the server refuses pins/create without all four.
        Server.Grants.Tokens.ShouldContain(t => new[] { "boards:read", "boards:write", "pins:read", "pins:write" }.All(t.Scopes.Contains));
    }

    [Test]
    public Task A_lost_answer_to_create_pin_is_found_not_pinned_again_when_the_connection_drops() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Abort);

    [Test]
    public Task A_lost_answer_to_create_pin_is_found_not_pinned_again_when_the_answer_times_out() =>
        FindsThePostAfterItsAnswerWasLost(LostAnswer.Hold);

    [Test]
    public Task A_5xx_on_create_pin_is_transient_and_creates_nothing() => ServerErrorIsTransientAndCreatesNothing(PinterestServer.Steps.CreatePin);

    [Test]
    public Task After_a_5xx_on_create_pin_the_next_attempt_pins_once() => ServerErrorThenTheNextAttemptPublishesOnce(PinterestServer.Steps.CreatePin);

    [Test]
    public Task A_429_with_Retry_After_is_rate_limited_for_that_long() => RateLimitIsReported(TimeSpan.FromSeconds(30));

    [Test]
    public Task A_429_without_Retry_After_is_rate_limited() => RateLimitIsReported(null);

    [Test]
    public Task A_token_revoked_early_needs_a_reconnect() => InvalidatedTokenNeedsAReconnect();

    [Test]
    public Task A_token_about_to_expire_is_refreshed_before_publishing() => RefreshesANearlyExpiredTokenBeforePublishing();

    [Test]
    public async Task A_pin_with_the_same_description_on_another_board_is_not_taken_for_ours()
    {
        const string otherBoard = "549755885176";
        Server.Boards[otherBoard] = "Another board";
        var text = Unique("Same description");
        var lostSince = DateTimeOffset.UtcNow;
        try
        {
            await PublishAsync(Post(text) with { BoardId = otherBoard });
        }
        finally
        {
            Server.Boards.Remove(otherBoard);
        }
        Server.Faults.FailWithServerError(PinterestServer.Steps.CreatePin);

        await Should.ThrowAsync<PlatformException>(() => PublishAsync(Post(text)));
        (await RetryAsTheEngineDoesAsync(Post(text), lostSince)).Kind.ShouldBe(ReconcileKind.Found);

        Server.Pins.Count(p => p.Description == text && p.BoardId == Board).ShouldBe(1);
    }

    [Test]
    public async Task A_pin_with_the_same_description_but_another_title_or_link_is_not_taken_for_ours()
    {
        var text = Unique("Same description, other title");
        var lostSince = DateTimeOffset.UtcNow;
        await PublishAsync(Post(text) with { Title = "Another title" });
        await PublishAsync(Post(text) with { Link = "https://example.com/elsewhere" });
        Server.Faults.FailWithServerError(PinterestServer.Steps.CreatePin);

        await Should.ThrowAsync<PlatformException>(() => PublishAsync(Post(text)));
        await RetryAsTheEngineDoesAsync(Post(text), lostSince);

        Server.Pins.Count(p => p.Description == text && p.Title == "Pin title" && p.Link == "https://example.com/landing").ShouldBe(1);
    }

    [Test]
    public async Task The_accounts_followers_are_read_from_the_user_accounts_follower_count()
    {
        Server.Followers.Set(Server.UserAccountId, 88);

        (await AsJobAsync(accounts => accounts.GetAccountMetricsAsync(AccountId, CancellationToken.None))).ShouldBe(new AccountMetrics(88));
    }
}
