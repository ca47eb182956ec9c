using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Media.Data;
using Platform.Media.Features.Shared;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;

namespace Platform.Media.Features.UpdateMedia;

internal static class UpdateMediaEndpoint
{
    public static void Map(IEndpointRouteBuilder media) =>
        media.MapPatch("/{id:guid}", HandleAsync)
            .RequireAuthorization(Policies.Editor)
            .WithName("UpdateMedia")
            .Produces<MediaView>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, UpdateMediaRequest request, MediaDbContext db, MediaLinks links, CancellationToken cancellationToken)
    {
        var item = await db.Items.SingleOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("The media item");
        item.ChangeAltText(request.AltText);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(links.View(item));
    }
}
