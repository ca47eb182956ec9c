using Platform.SharedKernel.Events;

namespace Platform.AI.Contracts;

/// <summary>An AI request has ended (answered by a provider or from the cache, or refused), with its outcome and cost.</summary>
[IntegrationEventName("ai.request_completed")]
public sealed record AiRequestCompleted : IntegrationEvent
{
    public required Guid RequestId { get; init; }
    public required AiRequestType Type { get; init; }
    public required AiRequestStatus Status { get; init; }
    public string? Provider { get; init; }
    public string? Model { get; init; }
    public required int TokensUsed { get; init; }
    public required decimal CostUsd { get; init; }
    public string? Error { get; init; }
}
