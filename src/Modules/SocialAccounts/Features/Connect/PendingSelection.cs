using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.Connect;

internal sealed record PendingSelection(Guid TenantId, Guid UserId, SocialPlatform Platform, List<PendingIdentity> Identities);
