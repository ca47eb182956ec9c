using Microsoft.Extensions.DependencyInjection;
using Platform.Agents.Contracts;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Data;

namespace Platform.Agents.Features.Shared;

/// <summary>
/// Keeps each tool call in the tenant's audit log, in a short unit of work of its own: a call refused or rolled back is
/// still recorded. The actor is the request's API key (and the user who made it); the entry names the tool and how it ended.
/// </summary>
internal sealed class AuditedToolCalls(IServiceScopeFactory scopes) : IAgentToolCallLog
{
    public Task RecordAsync(AgentToolCall call, CancellationToken cancellationToken) =>
        scopes.RunAsync(call.TenantId, async services =>
        {
            var record = new AuditRecord(AuditAction.AgentToolCalled, call.ApiKeyId)
            {
                After = new { call.Tool, call.Outcome, call.Reason, DurationMs = (long)call.Duration.TotalMilliseconds },
            };
            await services.GetRequiredService<IAuditTrail>().RecordAsync(record, cancellationToken);
            return true;
        }, cancellationToken);
}
