namespace Platform.SharedKernel.Events;

/// <summary>Something that happened in one module that others may act on; delivered through the outbox, at least once per handler.</summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.NewGuid();
    public required Guid TenantId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// Handles one kind of event inside a unit of work of the event's tenant; the handler's writes and the
/// outbox's "done" mark commit together, so a handler's database effect happens once.
/// </summary>
public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
