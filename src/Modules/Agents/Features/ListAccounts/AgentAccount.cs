using Platform.SocialAccounts.Contracts;

namespace Platform.Agents.Features.ListAccounts;

/// <summary>A connected account as an agent needs it: what to target, and whether posting to it can work now.</summary>
/// <param name="NeedsReconnect">Its tokens no longer work (expired, revoked, unreadable): a person must reconnect it.</param>
/// <param name="Paused">Publishing to it is paused after repeated failures or by a person; its posts wait.</param>
internal sealed record AgentAccount(
    Guid Id, SocialPlatform Platform, string Name, string? Handle, AccountStatus Status, bool NeedsReconnect, bool Paused);
