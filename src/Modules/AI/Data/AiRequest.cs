using Platform.AI.Contracts;

namespace Platform.AI.Data;

internal sealed class AiRequest
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid? UserId { get; set; }
    public AiRequestType Type { get; set; }
    public AiRequestStatus Status { get; set; }
    public string? Provider { get; set; }
    public string? Model { get; set; }
    public string Input { get; set; } = "{}";
    public string? Output { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public int TokensUsed { get; set; }
    public decimal ReservedUsd { get; set; }
    public decimal CostUsd { get; set; }
    public bool CacheHit { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class PromptTemplate
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public string Body { get; set; } = "";
    public string? BrandVoice { get; set; }
    public string? Audience { get; set; }
    public string? CallToAction { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
