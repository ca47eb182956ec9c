namespace Platform.SocialAccounts.Features.Reconnect;

internal sealed record ReconnectRequest(string? RedirectUri);
