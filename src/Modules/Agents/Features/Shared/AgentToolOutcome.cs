namespace Platform.Agents.Features.Shared;

/// <summary>How a tool call ended.</summary>
internal enum AgentToolOutcome
{
    /// <summary>The tool did its work and answered.</summary>
    Succeeded,
    /// <summary>Refused before or while working, changing nothing: a missing scope, bad arguments, not found, a rule (a 4xx over REST).</summary>
    Refused,
    /// <summary>Could not be done: a provider or the database unavailable, an unexpected error.</summary>
    Failed,
}
