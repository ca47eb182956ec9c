namespace Platform.SocialAccounts.Features.Connect;

internal sealed record CandidateDto(string ExternalId, string DisplayName, string? Handle, string? AvatarUrl);
