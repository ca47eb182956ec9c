namespace Platform.Posts.Contracts;

/// <summary>An account a draft goes to, with what that platform needs of its own (a Pinterest board, a subreddit, a TikTok privacy level).</summary>
public sealed record PostDraftTarget(
    Guid AccountId, string? CustomContent = null, string? Title = null, string? BoardId = null, string? Subreddit = null, string? PrivacyLevel = null);
