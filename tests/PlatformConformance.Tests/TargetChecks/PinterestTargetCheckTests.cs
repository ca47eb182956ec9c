using Platform.PlatformServers.Pinterest;
using Platform.SocialAccounts.Contracts;

namespace Platform.PlatformConformance.Tests.TargetChecks;

/// <summary>A pin's board held against the boards Pinterest lists for the account (see <see cref="PinterestServer"/>).</summary>
public sealed class PinterestTargetCheckTests : ConformanceFixture<PinterestServer>
{
    private protected override SocialPlatform Platform => SocialPlatform.Pinterest;

    private static PostContent Pin(string boardId) =>
        new("Sourdough", [new MediaItem("https://media.example/loaf.jpg", MediaKind.Image, "image/jpeg", 1000)], BoardId: boardId);

    [Test]
    public async Task A_board_the_account_does_not_have_is_refused()
    {
        var check = await AsJobAsync(accounts => accounts.CheckTargetAsync(AccountId, Pin("1234"), CancellationToken.None));

        check.Outcome.ShouldBe(TargetCheckOutcome.Checked);
        check.Violations.ShouldHaveSingleItem().Field.ShouldBe("boardId");
    }

    [Test]
    public async Task One_of_the_accounts_boards_passes()
    {
        var board = Server.Boards.Keys.First();

        var check = await AsJobAsync(accounts => accounts.CheckTargetAsync(AccountId, Pin(board), CancellationToken.None));

        check.IsAccepted.ShouldBeTrue(string.Join("; ", check.Violations));
    }
}
