using Platform.SocialAccounts.Platforms.Pinterest;
using Platform.SocialAccounts.Contracts;
using Shouldly;

namespace Platform.SocialAccounts.Tests.TargetChecking;

public sealed class PinterestBoardRuleTests
{
    private static readonly string[] Boards = ["549755885175", "549755885176"];

    [Test]
    public void One_of_the_accounts_boards_passes() =>
        PinterestBoardRule.Check(new PostContent("d", BoardId: "549755885176"), Boards).ShouldBeEmpty();

    [Test]
    public void A_board_the_account_does_not_have_is_refused_on_the_board_field() =>
        PinterestBoardRule.Check(new PostContent("d", BoardId: "1"), Boards).ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(v => v.Field.ShouldBe("boardId"), v => v.Reason.ShouldContain("'1'"));
}
