using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using Platform.Agents.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Json;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;

namespace Platform.Agents.Features.Shared;

/// <summary>
/// Every tool call passes through here, once: the key's scope is checked, the work runs in the key's tenant (so row-level
/// security applies as for REST) in a unit of work or outside one, a refusal becomes a tool error naming its reason, and the
/// call is reported to the <see cref="IAgentToolCallLog"/> (the audit log).
/// </summary>
internal sealed class ToolInvoker(IServiceScopeFactory scopes, IAgentToolCallLog log, TimeProvider clock, ILogger<ToolInvoker> logger)
{
    public async Task<string> RunAsync(
        ClaimsPrincipal caller, string tool, ApiScope scope, ToolDatabaseUse database, Func<IServiceProvider, Task<JsonElement>> work,
        CancellationToken cancellationToken)
    {
        var key = AgentKey.Of(caller);
        var startedAt = clock.GetUtcNow();
        var outcome = AgentToolOutcome.Failed;
        string? reason = "The tool failed unexpectedly.";
        try
        {
            if (!caller.HasScope(scope))
            {
                throw ProblemException.Forbidden($"This API key lacks the scope '{scope.Name()}' the tool {tool} needs.");
            }
            // The call's units of work count against the connections requests may take, as a REST request's do.
            RequestConnectionAdmission.EnterRequestFlow();
            var answer = database == ToolDatabaseUse.UnitOfWork
                ? await scopes.RunAsync(key.TenantId, services => work(key.Enter(services)), cancellationToken)
                : await RunOutsideUnitOfWorkAsync(key, work);
            outcome = AgentToolOutcome.Succeeded;
            reason = null;
            return answer.GetRawText();
        }
        catch (ProblemException problem)
        {
            outcome = problem.Status < 500 ? AgentToolOutcome.Refused : AgentToolOutcome.Failed;
            reason = Describe(problem);
            throw new McpException(reason);
        }
        catch (DatabaseBusyException)
        {
            reason = "The service is busy; try again in a second.";
            throw new McpException(reason);
        }
        finally
        {
            await ReportAsync(new AgentToolCall(key.TenantId, key.KeyId, key.UserId, tool, outcome, reason, startedAt, clock.GetUtcNow() - startedAt));
        }
    }

    private async Task<JsonElement> RunOutsideUnitOfWorkAsync(AgentKey key, Func<IServiceProvider, Task<JsonElement>> work)
    {
        await using var scope = scopes.CreateTenantScope(key.TenantId);
        return await work(key.Enter(scope.ServiceProvider));
    }

    /// <summary>The problem's title and detail, and what it names (each refused target, the errors by field) as JSON.</summary>
    private static string Describe(ProblemException problem) =>
        problem.Extensions.Count == 0
            ? $"{problem.Title.TrimEnd('.')}: {problem.Detail}"
            : $"{problem.Title.TrimEnd('.')}: {problem.Detail} {JsonSerializer.Serialize(problem.Extensions, ApiJson.Options)}";

    private async Task ReportAsync(AgentToolCall call)
    {
        try
        {
            // Not the caller's token: a call the agent gave up on is still reported.
            await log.RecordAsync(call, CancellationToken.None);
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "Could not report the call of tool {Tool} by API key {KeyId}.", call.Tool, call.ApiKeyId);
        }
    }
}
