using Microsoft.AspNetCore.Routing;
using Platform.AI.Features.Shared;

namespace Platform.AI.Features.GenerateContent;

/// <summary>POST /api/v1/ai/content: a long-form post from a brief.</summary>
internal static class GenerateContentEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) => ai.MapGeneration<GenerateContentRequest>("/content", "GenerateContent");
}
