using System.Text.Json;

namespace Platform.AI.Contracts;

/// <summary>
/// Captions and hashtags for the current tenant, for other modules (the agents' tools): validated, moderated, charged to the
/// tenant's AI budget and recorded exactly as the REST endpoints do, with the same <c>ProblemException</c>s (400 bad input,
/// 402 budget exhausted, 422 a platform not connected, 503 moderation or provider unavailable). Each answers the stored
/// request in the JSON <c>POST /api/v1/ai/captions</c> and <c>/hashtags</c> answer. Both wait on a provider, so they open
/// their own short units of work: call them outside one.
/// </summary>
public interface IAiGeneration
{
    /// <param name="platforms">Platform slugs (x, linkedin, ...) the captions must fit; each needs an active account.</param>
    Task<JsonElement> GenerateCaptionsAsync(string prompt, IReadOnlyList<string> platforms, int variants, string? tone, CancellationToken cancellationToken);

    Task<JsonElement> GenerateHashtagsAsync(string text, IReadOnlyList<string> platforms, int count, CancellationToken cancellationToken);
}
