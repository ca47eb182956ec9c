using Microsoft.AspNetCore.Routing;
using Platform.AI.Features.Shared;

namespace Platform.AI.Features.ImproveContent;

/// <summary>POST /api/v1/ai/improve: existing content made shorter, more engaging, re-toned or adapted to a platform.</summary>
internal static class ImproveContentEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) => ai.MapGeneration<ImproveContentRequest>("/improve", "ImproveContent");
}
