using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.Connect;

/// <param name="Selection">Set instead of accounts when the user must pick among several accounts (Facebook Pages, Instagram accounts).</param>
internal sealed record ConnectResponse(IReadOnlyList<SocialAccountDto> Accounts, SelectionDto? Selection = null);
