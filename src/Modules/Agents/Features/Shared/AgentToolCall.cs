namespace Platform.Agents.Features.Shared;

/// <summary>One tool call of an AI agent through an API key, as the audit log keeps it.</summary>
/// <param name="Reason">Why it was refused or failed, as the agent was told; null on success.</param>
internal sealed record AgentToolCall(
    Guid TenantId, Guid ApiKeyId, Guid ActingUserId, string Tool, AgentToolOutcome Outcome, string? Reason, DateTimeOffset StartedAt, TimeSpan Duration);
