namespace Platform.SocialAccounts.Features.Connect;

/// <summary>A candidate account as the user sees it when choosing: no tokens.</summary>
internal sealed record CandidateDto(string ExternalId, string DisplayName, string? Handle, string? AvatarUrl);
