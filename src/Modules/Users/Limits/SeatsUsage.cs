using Platform.Billing.Contracts;

namespace Platform.Users.Limits;

/// <summary>A seat is an active user or an invitation that can still be accepted (accepting it takes the seat it holds).</summary>
internal static class SeatsUsage
{
    public static readonly CountedUsage Usage = new(PlanLimit.Seats, new UsageQuery("""
        SELECT (SELECT count(*) FROM users.users WHERE is_active)
             + (SELECT count(*) FROM users.user_invitations WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now())
        """));
}
