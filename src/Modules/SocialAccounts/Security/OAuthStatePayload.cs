using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Security;

/// <summary>What a state token binds: who started the flow, for which platform and redirect, until when.</summary>
internal sealed record OAuthStatePayload(
    string Nonce, Guid TenantId, Guid UserId, SocialPlatform Platform, string RedirectUri, long ExpiresAt, string KeyId, Guid? AccountId);
