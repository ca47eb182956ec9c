using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Platforms.Pinterest;

/// <summary>A pin goes to one of the account's own boards (https://developers.pinterest.com/docs/api/v5/boards-list).</summary>
internal static class PinterestBoardRule
{
    public static IReadOnlyList<ContentViolation> Check(PostContent content, IReadOnlyCollection<string> accountBoardIds) =>
        content.BoardId is { Length: > 0 } board && !accountBoardIds.Contains(board)
            ? [new ContentViolation("boardId", $"The account has no board '{board}': choose one of its boards (GET /api/v1/social-accounts/{{id}}/boards).")]
            : [];
}
