namespace Platform.SharedKernel.Throttling;

/// <summary>
/// Counts failures (wrong passwords, bad codes) per key and makes the key wait before its next attempt, as long as
/// its <see cref="BackoffRule"/> says for that many failures. Only failures count; a success may reset the key.
/// </summary>
public interface IFailureBackoff
{
    /// <returns>How long the key must still wait before its next attempt; zero when it may try now.</returns>
    ValueTask<TimeSpan> WaitAsync(string key, CancellationToken cancellationToken);

    /// <summary>Counts one failure of the key and starts the wait the rule gives for its new count.</summary>
    /// <returns>The wait now ahead of the key (zero while its failures are free).</returns>
    ValueTask<TimeSpan> RecordFailureAsync(string key, BackoffRule rule, CancellationToken cancellationToken);

    ValueTask ResetAsync(string key, CancellationToken cancellationToken);
}
