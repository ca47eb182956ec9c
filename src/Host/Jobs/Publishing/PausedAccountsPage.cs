using Platform.Posts.Contracts;

namespace Platform.Host.Jobs.Publishing;

/// <summary>Accounts whose publishing is paused: breaker open, waiting for a reconnect, or paused by a person.</summary>
internal sealed class PausedAccountsPage(IReadOnlyList<PausedAccount> accounts) : PublishingPage("Paused accounts")
{
    protected override void Body() => Table(
        ["Paused by", "Since", "Until", "Failures in a row", "Last error", "Waiting targets", "Tenant", "Account"],
        accounts.Select(a => (IReadOnlyList<object?>)
            [a.PausedBy, a.PausedAt, a.PausedUntil, a.ConsecutiveFailures, a.LastErrorKind, a.WaitingTargets, a.TenantId, a.AccountId]),
        "No account is paused.");
}
