namespace Platform.SocialAccounts.Platforms.Pinterest;

/// <summary>A board a pin can go to; <see cref="Privacy"/> is Pinterest's PUBLIC, PROTECTED or SECRET.</summary>
internal sealed record PinterestBoard(string Id, string Name, string? Description, string? Privacy);
