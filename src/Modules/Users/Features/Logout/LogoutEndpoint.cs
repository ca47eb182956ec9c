using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Security;
using Platform.Users.Data;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.Logout;

internal static class LogoutEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/logout", HandleAsync)
        .WithName("Logout")
        .WithSummary("Signs the caller out everywhere: every access and refresh token of the user stops working.")
        .RequireAuthorization(Policies.Viewer);

    private static async Task<NoContent> HandleAsync(HttpContext context, UsersDbContext db, UserSessions sessions, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == context.User.RequiredUserId(), cancellationToken);
        await sessions.EndAllAsync(user, "logout", cancellationToken);
        return TypedResults.NoContent();
    }
}
