using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Security;
using Platform.Users.Data;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.Me;

internal static class GetMeEndpoint
{
    public static void Map(IEndpointRouteBuilder me) => me
        .MapGet("/", HandleAsync)
        .WithName("GetMe")
        .WithSummary("The signed-in user.")
        .RequireAuthorization(Policies.Viewer);

    private static async Task<Ok<UserResponse>> HandleAsync(HttpContext context, UsersDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(UserResponse.From(await db.CallerAsync(context, cancellationToken)));
}
