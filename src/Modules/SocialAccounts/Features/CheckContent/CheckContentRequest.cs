using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.CheckContent;

/// <summary>A draft's text and options, and the platforms it is meant for.</summary>
internal sealed record CheckContentRequest(
    IReadOnlyList<SocialPlatform> Platforms, string? Text, string? Link = null, string? Title = null, string? BoardId = null,
    string? Subreddit = null, string? PrivacyLevel = null);
