namespace Platform.Agents.Contracts;

/// <summary>
/// Where every tool call of the agents' endpoint is reported once it ended, refused ones included: implement and register
/// it (an audit log) to keep them. Called outside any unit of work; opens its own in <see cref="AgentToolCall.TenantId"/>.
/// </summary>
public interface IAgentToolCallLog
{
    Task RecordAsync(AgentToolCall call, CancellationToken cancellationToken);
}
