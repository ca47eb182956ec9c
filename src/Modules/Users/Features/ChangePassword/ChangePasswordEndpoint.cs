using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.Users.Data;
using Platform.Users.Features.Shared;
using Platform.Users.Passwords;

namespace Platform.Users.Features.ChangePassword;

internal static class ChangePasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder me) => me
        .MapPost("/password", HandleAsync)
        .WithName("ChangePassword")
        .WithSummary("Changes the caller's password; every existing session ends.")
        .RequireAuthorization(Policies.Viewer)
        .Validate<ChangePasswordRequest>();

    private static async Task<NoContent> HandleAsync(
        ChangePasswordRequest request, HttpContext context, UsersDbContext db, PasswordHasher passwords, UserSessions sessions,
        IAuditTrail audit, CancellationToken cancellationToken)
    {
        var user = await db.CallerAsync(context, cancellationToken);
        if (!passwords.Verify(request.CurrentPassword, user.PasswordHash))
        {
            throw ProblemException.BadRequest("The current password is wrong.");
        }
        user.PasswordHash = passwords.Hash(request.NewPassword);
        await sessions.EndAllAsync(user, "password changed", cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.PasswordChanged, user.Id), cancellationToken);
        return TypedResults.NoContent();
    }
}
