namespace Platform.SocialAccounts.Features.ListBoards;

/// <param name="Bookmark">Pass back as <c>?bookmark=</c> for the next page; null on the last page.</param>
internal sealed record BoardsResponse(IReadOnlyList<BoardDto> Boards, string? Bookmark);
