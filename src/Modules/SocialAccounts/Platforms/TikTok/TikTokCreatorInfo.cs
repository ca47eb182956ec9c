namespace Platform.SocialAccounts.Platforms.TikTok;

/// <summary>
/// What TikTok lets this creator post now, as <c>POST /v2/post/publish/creator_info/query/</c> answers it
/// (https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info).
/// </summary>
internal sealed record TikTokCreatorInfo(
    string? Username,
    string? Nickname,
    IReadOnlyList<string> PrivacyLevelOptions,
    bool CommentDisabled,
    bool DuetDisabled,
    bool StitchDisabled,
    int? MaxVideoPostDurationSeconds);
