using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Media.Data;
using Platform.Media.Features.Shared;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.Media.Features.GetMedia;

internal static class GetMediaEndpoint
{
    public static void Map(IEndpointRouteBuilder media) =>
        media.MapGet("/{id:guid}", HandleAsync)
            .RequireAuthorization(Policies.Viewer)
            .WithName("GetMedia")
            .Produces<MediaView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, MediaDbContext db, MediaLinks links, CancellationToken cancellationToken)
    {
        var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("The media item");
        return Results.Ok(links.View(item));
    }
}
