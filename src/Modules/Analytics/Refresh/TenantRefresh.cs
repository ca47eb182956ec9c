namespace Platform.Analytics.Refresh;

/// <summary>A tenant's latest "fetch now", and the rule that keeps a tenant from asking more than once per cooldown.</summary>
internal sealed class TenantRefresh
{
    public Guid TenantId { get; set; }
    public Guid RefreshId { get; private set; }
    public Guid? RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }

    public static TenantRefresh Start(Guid tenantId, Guid refreshId, Guid? requestedBy, DateTimeOffset now) =>
        new() { TenantId = tenantId, RefreshId = refreshId, RequestedBy = requestedBy, RequestedAt = now };

    /// <summary>How long the tenant must still wait before a new refresh; zero when it may start one now.</summary>
    public TimeSpan WaitBeforeNext(DateTimeOffset now, TimeSpan cooldown)
    {
        var wait = RequestedAt + cooldown - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <returns>False, changing nothing, while the cooldown of the previous refresh runs.</returns>
    public bool TryRestart(Guid refreshId, Guid? requestedBy, DateTimeOffset now, TimeSpan cooldown)
    {
        if (WaitBeforeNext(now, cooldown) > TimeSpan.Zero)
        {
            return false;
        }
        RefreshId = refreshId;
        RequestedBy = requestedBy;
        RequestedAt = now;
        return true;
    }
}
