using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.GetAuthUrl;

internal sealed record AuthUrlResponse(SocialPlatform Platform, string AuthorizationUrl, string State, DateTimeOffset ExpiresAt);
