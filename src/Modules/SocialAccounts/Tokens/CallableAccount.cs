using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Platforms;

namespace Platform.SocialAccounts.Tokens;

/// <summary>
/// What a platform call needs of an account, read in a unit of work that has already ended, so that the call holds no
/// connection. <see cref="LastRefreshedAt"/> tells a later refresh whether someone else refreshed these tokens meanwhile.
/// </summary>
internal sealed record CallableAccount(
    Guid Id, SocialPlatform Platform, AccountCredentials Credentials, DateTimeOffset? LastRefreshedAt, DateTimeOffset? LastSyncAt);
