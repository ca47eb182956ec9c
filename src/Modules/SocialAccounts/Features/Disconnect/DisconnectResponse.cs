namespace Platform.SocialAccounts.Features.Disconnect;

internal sealed record DisconnectResponse(Guid Id, bool RevokedAtPlatform);
