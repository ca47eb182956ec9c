using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// What a platform call needs of an account, read in a unit of work that has already ended, so that the call holds no
/// connection. <see cref="LastRefreshedAt"/> tells a later refresh whether someone else refreshed these tokens meanwhile.
/// </summary>
/// <param name="RefreshDue">The token expires within <see cref="AccountTokens.RefreshMargin"/>: refresh before the call.</param>
/// <param name="Expired">The token has expired: the call must wait for new tokens.</param>
internal sealed record CallableAccount(
    Guid Id, SocialPlatform Platform, AccountCredentials Credentials, DateTimeOffset? LastRefreshedAt, DateTimeOffset? LastSyncAt,
    bool RefreshDue = false, bool Expired = false);
