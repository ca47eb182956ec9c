namespace Platform.SocialAccounts.Features.SelectAccounts;

internal sealed record SelectAccountsRequest(Guid SelectionId, IReadOnlyList<string> ExternalIds);
