namespace Platform.SocialAccounts.Platforms.Pinterest;

/// <summary>A board a pin can go to; <see cref="Privacy"/> is Pinterest's PUBLIC, PROTECTED or SECRET.</summary>
internal sealed record PinterestBoard(string Id, string Name, string? Description, string? Privacy);

/// <summary>One page of boards; <see cref="Bookmark"/> asks for the next page and is null on the last.</summary>
internal sealed record PinterestBoardPage(IReadOnlyList<PinterestBoard> Boards, string? Bookmark);
