namespace Platform.SocialAccounts.Features.ListBoards;

internal sealed record BoardDto(string Id, string Name, string? Description, string? Privacy);
