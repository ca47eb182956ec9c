using Microsoft.AspNetCore.Routing;
using Platform.AI.Features.Shared;

namespace Platform.AI.Features.GenerateHashtags;

/// <summary>POST /api/v1/ai/hashtags: hashtags for a text, as many as the platforms' conventions allow.</summary>
internal static class GenerateHashtagsEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) => ai.MapGeneration<GenerateHashtagsRequest>("/hashtags", "GenerateHashtags");
}
