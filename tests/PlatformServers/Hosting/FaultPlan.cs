using System.Collections.Concurrent;

namespace Platform.PlatformServers.Hosting;

/// <summary>How an accepted request's answer gets lost on the way back.</summary>
public enum LostAnswer
{
    /// <summary>The connection is cut after the platform committed the effect.</summary>
    Abort,
    /// <summary>The answer is held until the client gives up (its timeout), then dropped.</summary>
    Hold,
}

public abstract record Fault
{
    /// <summary>The platform commits the effect, then the answer never arrives.</summary>
    public sealed record AnswerLost(LostAnswer How) : Fault;

    /// <summary>A 5xx before anything is committed.</summary>
    public sealed record ServerError(int Status) : Fault;

    /// <summary>A 429 before anything is committed, with a Retry-After header when <see cref="RetryAfter"/> is set.</summary>
    public sealed record RateLimited(TimeSpan? RetryAfter) : Fault;
}

/// <summary>
/// What a test wants to go wrong, shared by every platform server: faults on named steps (each used once, in the
/// order planned), answers held late on named steps (every call), tokens invalidated early, and media that stays
/// "processing" for a number of polls.
/// Step names are each server's own (see the <c>Steps</c> class of each platform).
/// </summary>
public sealed class FaultPlan
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> faults = new(StringComparer.Ordinal);
    private int processingPolls;
    private volatile bool tokensInvalidated;
    private volatile Func<string, TimeSpan?> answerDelay = NoDelay;

    public FaultPlan LoseAnswerAfterAccept(string step, LostAnswer how = LostAnswer.Abort) => Add(step, new Fault.AnswerLost(how));

    public FaultPlan FailWithServerError(string step, int status = 503) => Add(step, new Fault.ServerError(status));

    public FaultPlan RateLimit(string step, TimeSpan? retryAfter) => Add(step, new Fault.RateLimited(retryAfter));

    /// <summary>
    /// Holds the answer of an accepting step after it committed, for as long as <paramref name="delay"/> decides per call
    /// from the step's name (null: answer at once): a slow platform, so a client can be stopped while the platform already
    /// holds the effect. Unlike the faults above it applies to every call until replaced or cleared. It changes only when
    /// the documented answer arrives, never its status, headers or body.
    /// </summary>
    public FaultPlan DelayAnswers(Func<string, TimeSpan?> delay)
    {
        answerDelay = delay;
        return this;
    }

    /// <summary>How long to hold the answer of <paramref name="step"/> after it committed, if at all.</summary>
    public TimeSpan? AnswerDelay(string step) => answerDelay(step);

    /// <summary>Every token issued so far stops working, as when the user revokes the app on the platform.</summary>
    public FaultPlan InvalidateTokens()
    {
        tokensInvalidated = true;
        return this;
    }

    /// <summary>The next <paramref name="polls"/> status checks of any upload or container answer "still processing".</summary>
    public FaultPlan StillProcessingFor(int polls)
    {
        Interlocked.Exchange(ref processingPolls, polls);
        return this;
    }

    public bool TokensInvalidated => tokensInvalidated;

    /// <summary>Takes the next fault planned for <paramref name="step"/>, if any.</summary>
    public Fault? Take(string step) =>
        faults.TryGetValue(step, out var queue) && queue.TryDequeue(out var fault) ? fault : null;

    /// <summary>Whether this status check must still answer "processing" (and counts it).</summary>
    public bool TakeProcessingPoll()
    {
        while (true)
        {
            var left = Volatile.Read(ref processingPolls);
            if (left <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref processingPolls, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    public void Clear()
    {
        faults.Clear();
        processingPolls = 0;
        tokensInvalidated = false;
        answerDelay = NoDelay;
    }

    private static TimeSpan? NoDelay(string step) => null;

    private FaultPlan Add(string step, Fault fault)
    {
        faults.GetOrAdd(step, _ => new ConcurrentQueue<Fault>()).Enqueue(fault);
        return this;
    }
}
