namespace Platform.AI.Contracts;

/// <summary>What an AI request produces; stored upper-case in <c>ai.ai_requests.type</c>.</summary>
public enum AiRequestType
{
    Caption,
    Content,
    Image,
    Hashtags,
    Improve,
}

/// <summary>Lifecycle of an AI request: PENDING while its budget is reserved and the provider works.</summary>
public enum AiRequestStatus
{
    Pending,
    Completed,
    Failed,
}
