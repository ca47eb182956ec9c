namespace Platform.SocialAccounts.Features.Connect;

internal sealed record SelectionDto(Guid Id, DateTimeOffset ExpiresAt, IReadOnlyList<CandidateDto> Candidates);
