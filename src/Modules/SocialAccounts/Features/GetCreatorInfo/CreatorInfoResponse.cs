namespace Platform.SocialAccounts.Features.GetCreatorInfo;

/// <param name="PrivacyLevelOptions">The privacy levels the user chooses from; a TikTok target must name one.</param>
/// <param name="MaxVideoPostDurationSeconds">The longest video this creator may post now.</param>
internal sealed record CreatorInfoResponse(
    string? Username,
    string? Nickname,
    IReadOnlyList<string> PrivacyLevelOptions,
    bool CommentDisabled,
    bool DuetDisabled,
    bool StitchDisabled,
    int? MaxVideoPostDurationSeconds);
