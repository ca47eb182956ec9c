using System.Text.Json;
using Platform.AI.Contracts;
using Platform.AI.Data;

namespace Platform.AI.Generation;

/// <summary>An AI request as the API shows it: what was asked, what came back, who answered and what it cost.</summary>
internal sealed record AiRequestView(
    Guid Id,
    AiRequestType Type,
    AiRequestStatus Status,
    string? Provider,
    string? Model,
    JsonElement Input,
    JsonElement? Output,
    int InputTokens,
    int OutputTokens,
    int TokensUsed,
    decimal CostUsd,
    bool Cached,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public static AiRequestView From(AiRequest r) => new(
        r.Id, r.Type, r.Status, r.Provider, r.Model,
        JsonSerializer.Deserialize<JsonElement>(r.Input),
        r.Output is null ? null : JsonSerializer.Deserialize<JsonElement>(r.Output),
        r.InputTokens, r.OutputTokens, r.TokensUsed, r.CostUsd, r.CacheHit, r.Error, r.CreatedAt, r.CompletedAt);
}
