namespace Platform.SharedKernel.Throttling;

/// <summary>
/// Counts failures (wrong passwords, bad codes) per key in a window, so repeated guessing can be slowed
/// down per account and per client address. Only failures count; a success may reset the key.
/// </summary>
public interface IFailureCounter
{
    /// <returns>How long the key stays blocked when it has reached <paramref name="limit"/> failures, or null.</returns>
    ValueTask<TimeSpan?> BlockedForAsync(string key, int limit, CancellationToken cancellationToken);

    ValueTask RecordFailureAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    ValueTask ResetAsync(string key, CancellationToken cancellationToken);
}
