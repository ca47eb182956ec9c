using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Features.Connect;

/// <summary>The accounts one authorization yielded, held for the user to pick from (see <see cref="PendingSelections"/>).</summary>
internal sealed record PendingSelection(Guid TenantId, Guid UserId, SocialPlatform Platform, List<PendingIdentity> Identities);
