namespace Platform.SocialAccounts.Features.CheckContent;

internal sealed record CheckContentResponse(IReadOnlyList<PlatformContentCheck> Checks);
