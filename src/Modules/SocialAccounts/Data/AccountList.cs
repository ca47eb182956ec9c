using System.ComponentModel;
using Platform.SocialAccounts.Contracts;

namespace Platform.SocialAccounts.Data;

/// <summary>A tenant's connected accounts, oldest first, as cached; shared by every reader, so never changed.</summary>
[ImmutableObject(true)]
internal sealed record AccountList(IReadOnlyList<SocialAccountDto> Items);
