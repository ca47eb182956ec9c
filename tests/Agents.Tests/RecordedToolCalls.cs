using System.Collections.Concurrent;
using Platform.Agents.Contracts;

namespace Platform.Agents.Tests;

/// <summary>An audit log standing in at the agents' seam: keeps every tool call reported to it.</summary>
internal sealed class RecordedToolCalls : IAgentToolCallLog
{
    private readonly ConcurrentQueue<AgentToolCall> calls = new();

    public IReadOnlyList<AgentToolCall> Of(Guid apiKeyId) => calls.Where(c => c.ApiKeyId == apiKeyId).ToList();

    public Task RecordAsync(AgentToolCall call, CancellationToken cancellationToken)
    {
        calls.Enqueue(call);
        return Task.CompletedTask;
    }
}
