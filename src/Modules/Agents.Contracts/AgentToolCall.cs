namespace Platform.Agents.Contracts;

/// <summary>How a tool call ended.</summary>
public enum AgentToolOutcome
{
    /// <summary>The tool did its work and answered.</summary>
    Succeeded,
    /// <summary>Refused before or while working, changing nothing: a missing scope, bad arguments, not found, a rule (a 4xx over REST).</summary>
    Refused,
    /// <summary>Could not be done: a provider or the database unavailable, an unexpected error.</summary>
    Failed,
}

/// <summary>One tool call of an AI agent through an API key, as an audit log keeps it.</summary>
/// <param name="Reason">Why it was refused or failed, as the agent was told; null on success.</param>
public sealed record AgentToolCall(
    Guid TenantId, Guid ApiKeyId, Guid ActingUserId, string Tool, AgentToolOutcome Outcome, string? Reason, DateTimeOffset StartedAt, TimeSpan Duration);
