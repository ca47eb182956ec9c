using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Validation;
using Platform.Users.Credentials;
using Platform.Users.Tokens;

namespace Platform.Users.Features.Login;

internal static class LoginEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/login", HandleAsync)
        .WithName("Login")
        .WithSummary("Signs in with email, password and, when enrolled, a second factor.")
        .AllowAnonymous()
        .Validate<LoginRequest>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Ok<TokenPair>> HandleAsync(
        LoginRequest request, HttpContext context, SignInService signIn, SessionIssuer sessions, CancellationToken cancellationToken)
    {
        var user = await signIn.AuthenticateAsync(request.Email, request.Password, request.Code, ClientAddress.Of(context), cancellationToken);
        return TypedResults.Ok(await sessions.StartAsync(user, cancellationToken));
    }
}
