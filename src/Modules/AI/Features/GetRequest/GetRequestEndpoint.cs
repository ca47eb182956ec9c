using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.AI.Data;
using Platform.AI.Generation;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.AI.Features.GetRequest;

internal static class GetRequestEndpoint
{
    public static void Map(IEndpointRouteBuilder ai) =>
        ai.MapGet("/requests/{id:guid}", HandleAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("GetAiRequest")
            .Produces<AiRequestView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, AiDbContext db, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("The AI request");
        return Results.Ok(AiRequestView.From(request));
    }
}
