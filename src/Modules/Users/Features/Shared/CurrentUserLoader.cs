using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.Users.Data;

namespace Platform.Users.Features.Shared;

internal static class CurrentUserLoader
{
    public static async Task<User> CallerAsync(this UsersDbContext db, HttpContext context, CancellationToken cancellationToken) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == context.User.RequiredUserId(), cancellationToken)
        ?? throw ProblemException.NotFound("The user");
}
