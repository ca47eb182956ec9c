using Microsoft.AspNetCore.Routing;
using Platform.AI.Features.Shared;

namespace Platform.AI.Features.GenerateCaptions;

/// <summary>POST /api/v1/ai/captions: several caption variants fitted to the target platforms.</summary>
internal static class GenerateCaptionsEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) => ai.MapGeneration<GenerateCaptionsRequest>("/captions", "GenerateCaptions");
}
