namespace Platform.Posts.Contracts;

/// <summary>
/// Every tenant's publishing state for the platform's operators (the jobs dashboard), read through the owner's narrow
/// functions: ids, states, times and error excerpts only, never a post's content. The asynchronous reads run in the
/// caller's unit of work, opened without a tenant, which also records the read in the audit trail.
/// </summary>
public interface IPublishingOverview
{
    /// <summary>The most rows any list answers, whatever is asked.</summary>
    const int MaxRows = 500;

    /// <summary>Due targets and those a dispatcher holds, oldest due first.</summary>
    Task<IReadOnlyList<QueuedTarget>> DueAndInFlightAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Failed, unconfirmed and retrying targets, most recently changed first, with their attempts.</summary>
    Task<IReadOnlyList<TroubledTarget>> TroubledAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The dead letter: targets given up on (failed, or unconfirmed with no lookup left), most recent first.</summary>
    Task<IReadOnlyList<TroubledTarget>> GivenUpAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Accounts whose publishing is paused, most recently paused first.</summary>
    Task<IReadOnlyList<PausedAccount>> PausedAccountsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// How many targets are due and unclaimed, and how late the oldest is: counts and times of the global due index, no
    /// tenant's data. Synchronous and on its own connection, because dashboard metrics are read in a synchronous callback.
    /// </summary>
    PublishingBacklog ReadBacklog();
}
