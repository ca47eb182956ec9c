using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Validation;
using Platform.Users.Credentials;
using Platform.Users.Features.Shared;
using Platform.Users.Tokens;

namespace Platform.Users.Features.Login;

internal static class LoginEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/login", HandleAsync)
        .WithName("Login")
        .WithSummary("Signs in with email, password and, when enrolled, a second factor; a sign-in from a device the user was not seen on is mailed to them.")
        .WithDescription("Failed sign-ins slow their sender down: past a few, each one makes the account from that address, " +
            "and the address as a whole, wait longer (429 with Retry-After). The right password from another address is never held back.")
        .AllowAnonymous()
        .Validate<LoginRequest>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> HandleAsync(
        LoginRequest request, HttpContext context, SignInService signIn, SignInDevices devices, SessionIssuer sessions, CancellationToken cancellationToken)
    {
        try
        {
            var user = await signIn.AuthenticateAsync(request.Email, request.Password, request.Code, ClientAddress.Of(context), cancellationToken);
            await devices.RecognizeAsync(user, context, cancellationToken);
            return TypedResults.Ok(await sessions.StartAsync(user, cancellationToken));
        }
        catch (SignInThrottledException throttled)
        {
            // Answered here rather than thrown on, so that the answer can carry its Retry-After header.
            context.Response.Headers.RetryAfter = throttled.RetryAfterHeader;
            return TypedResults.Problem(throttled.ToProblemDetails());
        }
    }
}
