namespace Platform.SharedKernel.Data;

/// <summary>
/// A request could not get a database connection within its short wait: the pool is saturated. The host answers
/// 503 with Retry-After; nothing was written, so the client may simply try again.
/// </summary>
public sealed class DatabaseBusyException(TimeSpan retryAfter, Exception? inner = null)
    : Exception("The database is busy: no connection became free in time.", inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
