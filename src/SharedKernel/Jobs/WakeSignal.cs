namespace Platform.SharedKernel.Jobs;

/// <summary>An auto-reset event for async code: many signals before a wait count as one.</summary>
public sealed class WakeSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Set()
    {
        // Most signals find one already pending (a burst of notifications): skip the throw and catch that would follow.
        if (semaphore.CurrentCount > 0)
        {
            return;
        }
        try
        {
            semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <returns>True when signalled, false when the timeout passed.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);
}
