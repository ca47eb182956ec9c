namespace Platform.SocialAccounts.Features.Connect;

/// <summary>The choice the user must make: its id to answer with, the candidates, and until when they are held.</summary>
internal sealed record SelectionDto(Guid Id, DateTimeOffset ExpiresAt, IReadOnlyList<CandidateDto> Candidates);
