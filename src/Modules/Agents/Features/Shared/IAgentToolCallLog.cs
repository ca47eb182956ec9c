namespace Platform.Agents.Features.Shared;

/// <summary>
/// Where every tool call of the agents' endpoint is reported once it ended, refused ones included (<see cref="AuditedToolCalls"/>
/// keeps them in the audit log). Called outside any unit of work; opens its own in <see cref="AgentToolCall.TenantId"/>.
/// </summary>
internal interface IAgentToolCallLog
{
    Task RecordAsync(AgentToolCall call, CancellationToken cancellationToken);
}
