namespace Platform.SharedKernel.Data;

/// <summary>
/// Bounds what requests take from the connection pool: at most <c>slots</c> units of work opened on behalf of
/// requests hold a connection at once (the pool minus a reserve background work keeps), and a request waits at most
/// <c>wait</c> for one, then gets <see cref="DatabaseBusyException"/> (503) instead of queueing for the pool's own
/// timeout. Background work (the publishing dispatcher, the outbox, jobs) is never admitted or refused here.
/// </summary>
public sealed class RequestConnectionAdmission(int slots, TimeSpan wait)
{
    // Set by the request's endpoint filter for the rest of its async flow, and by nothing else.
    private static readonly AsyncLocal<bool> InRequestFlow = new();

    private readonly SemaphoreSlim free = new(slots, slots);

    public int Slots { get; } = slots;

    public TimeSpan Wait { get; } = wait;

    /// <summary>How long a refused client is asked to wait before trying again.</summary>
    public static TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(1);

    /// <summary>True inside a request's flow: a unit of work opened here counts against the request slots.</summary>
    public static bool IsRequestFlow => InRequestFlow.Value;

    /// <summary>Marks the caller's async flow (and what it awaits) as serving a request; it ends when the caller returns.</summary>
    public static void EnterRequestFlow() => InRequestFlow.Value = true;

    /// <summary>
    /// Marks the caller's async flow as finishing work already started (settling what a provider answered): it must
    /// not be refused for want of a request slot, so it takes its connection as background work does.
    /// </summary>
    public static void LeaveRequestFlow() => InRequestFlow.Value = false;

    /// <summary>Takes a slot within <see cref="Wait"/>, or throws <see cref="DatabaseBusyException"/>.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await free.WaitAsync(Wait, cancellationToken))
        {
            throw new DatabaseBusyException(RetryAfter);
        }
        return new Slot(free);
    }

    private sealed class Slot(SemaphoreSlim free) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                free.Release();
            }
        }
    }
}
