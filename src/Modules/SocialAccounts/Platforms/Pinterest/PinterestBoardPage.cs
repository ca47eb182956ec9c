namespace Platform.SocialAccounts.Platforms.Pinterest;

/// <summary>One page of boards; <see cref="Bookmark"/> asks for the next page and is null on the last.</summary>
internal sealed record PinterestBoardPage(IReadOnlyList<PinterestBoard> Boards, string? Bookmark);
