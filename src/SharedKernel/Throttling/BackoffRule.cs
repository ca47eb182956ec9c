namespace Platform.SharedKernel.Throttling;

/// <summary>
/// How long a key waits after its failures: the first <see cref="FreeFailures"/> cost nothing, each one after
/// starts a wait that doubles from <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>. Failures are forgotten
/// once <see cref="ForgetAfter"/> passes without a new one. A wait slows a key down; it never shuts it out.
/// </summary>
public sealed record BackoffRule(int FreeFailures, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan ForgetAfter)
{
    /// <summary>The wait that starts when the key has failed <paramref name="failures"/> times in a row.</summary>
    public TimeSpan DelayAfter(long failures)
    {
        var doublings = failures - FreeFailures - 1;
        if (doublings < 0)
        {
            return TimeSpan.Zero;
        }
        // Past 2^40 any sensible first delay is beyond the cap; stopping there keeps the arithmetic finite.
        var delay = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(doublings, 40));
        return delay >= MaxDelay.TotalMilliseconds ? MaxDelay : TimeSpan.FromMilliseconds(delay);
    }
}
