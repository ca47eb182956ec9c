namespace Platform.Agents.Contracts;

/// <summary>
/// Where every tool call of the agents' endpoint is reported once it ended, refused ones included; the Agents module's
/// implementation keeps each in the audit log. Called outside any unit of work; opens its own in <see cref="AgentToolCall.TenantId"/>.
/// </summary>
public interface IAgentToolCallLog
{
    Task RecordAsync(AgentToolCall call, CancellationToken cancellationToken);
}
