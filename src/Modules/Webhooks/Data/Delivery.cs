namespace Platform.Webhooks.Data;

/// <summary>
/// One event on its way to one subscription. Attempts are numbered from 1; after a failed one the next waits 1 s, 2 s,
/// 4 s, ... until <see cref="AttemptLimit"/> is used up and the delivery is dead-lettered. A redelivery grants a fresh set.
/// </summary>
internal sealed class Delivery
{
    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DeliveryStatus Status { get; private set; }
    public int AttemptsMade { get; private set; }
    public int AttemptLimit { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private Delivery()
    {
    }

    public static Delivery Create(Guid tenantId, Guid subscriptionId, Guid eventId, string eventType, string body, int attemptLimit, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        SubscriptionId = subscriptionId,
        EventId = eventId,
        EventType = eventType,
        Body = body,
        Status = DeliveryStatus.Pending,
        AttemptLimit = attemptLimit,
        NextAttemptAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The attempt this delivery makes next, or is making while <see cref="DeliveryStatus.Sending"/>.</summary>
    public int NextAttempt => AttemptsMade + 1;

    /// <summary>
    /// Whether attempt <paramref name="attempt"/> is still the one under way: a sender that took too long finds its
    /// attempt already written off by the stalled-delivery sweep, and must not record it again.
    /// </summary>
    public bool IsSending(int attempt) => Status == DeliveryStatus.Sending && NextAttempt == attempt;

    /// <summary>An attempt started before <paramref name="before"/> and never recorded: the host sending it stopped.</summary>
    public bool IsStalled(DateTimeOffset before) => Status == DeliveryStatus.Sending && UpdatedAt < before;

    /// <summary>How long after failed attempt <paramref name="attempt"/> the next one is made: 1 s, 2 s, 4 s, 8 s, ...</summary>
    public static TimeSpan RetryDelayAfter(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, Math.Min(attempt - 1, 20)));

    /// <summary>Records attempt <see cref="NextAttempt"/>'s outcome; true when another attempt is due (at <see cref="NextAttemptAt"/>).</summary>
    public bool Record(AttemptOutcome outcome, DateTimeOffset now)
    {
        if (Status != DeliveryStatus.Sending)
        {
            throw new InvalidOperationException($"Delivery {Id} is {Status}, not being sent.");
        }
        AttemptsMade++;
        UpdatedAt = now;
        if (outcome.Succeeded)
        {
            Status = DeliveryStatus.Succeeded;
            NextAttemptAt = null;
            return false;
        }
        if (outcome.Refused || AttemptsMade >= AttemptLimit)
        {
            Status = DeliveryStatus.DeadLetter;
            NextAttemptAt = null;
            return false;
        }
        Status = DeliveryStatus.Pending;
        NextAttemptAt = now + RetryDelayAfter(AttemptsMade);
        return true;
    }

    /// <summary>Sends it again, whatever became of it, with <paramref name="attempts"/> more attempts; refused while an attempt is under way.</summary>
    public bool Redeliver(int attempts, DateTimeOffset now)
    {
        if (Status is DeliveryStatus.Sending or DeliveryStatus.Pending)
        {
            return false;
        }
        Status = DeliveryStatus.Pending;
        AttemptLimit = AttemptsMade + attempts;
        NextAttemptAt = now;
        UpdatedAt = now;
        return true;
    }
}
