using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.Users.Data;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.VerifyEmail;

/// <summary>Mails the signed-in user a new verification link; the ones mailed before keep working until they expire.</summary>
internal static class ResendVerificationEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/verify-email/resend", HandleAsync)
        .WithName("ResendEmailVerification")
        .WithSummary("Mails the signed-in user a new link to verify their address (valid Users:EmailVerification:Lifetime, 24 hours by default); 202.")
        .WithDescription("An address already verified answers 409. Past a few resends each waits longer (429 with Retry-After).")
        .RequireAuthorization(Policies.Viewer)
        .Produces(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        HttpContext context, UsersDbContext db, ResendVerificationThrottle throttle, EmailVerificationMail mail, CancellationToken cancellationToken)
    {
        var user = await db.CallerAsync(context, cancellationToken);
        if (user.IsEmailVerified)
        {
            throw ProblemException.Conflict("This address is verified already.");
        }
        var wait = await throttle.AdmitAsync(user.Id, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: "Too many verification mails asked for; try again later.");
        }
        await mail.SendAsync(user, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
