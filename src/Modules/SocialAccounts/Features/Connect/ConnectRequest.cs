namespace Platform.SocialAccounts.Features.Connect;

internal sealed record ConnectRequest(string Platform, string Code, string State, string RedirectUri);
