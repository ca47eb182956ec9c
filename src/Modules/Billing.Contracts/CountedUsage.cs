namespace Platform.Billing.Contracts;

/// <summary>A limit whose use one fixed query counts, whenever it is asked.</summary>
public sealed record CountedUsage(PlanLimit Limit, UsageQuery Query) : IPlanUsage
{
    public Task<UsageQuery> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult(Query);
}
