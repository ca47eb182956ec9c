using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Validation;
using Platform.Users.Tokens;

namespace Platform.Users.Features.Register;

internal static class RegisterEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/register", HandleAsync)
        .WithName("Register")
        .WithSummary("Creates a tenant and its owner, and signs the owner in.")
        .AllowAnonymous()
        .Validate<RegisterRequest>()
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<RegisterResponse>> HandleAsync(
        RegisterRequest request, AccountRegistration registration, SessionIssuer sessions, CancellationToken cancellationToken)
    {
        var user = await registration.CreateOwnerAsync(request.TenantName, request.Email, request.Password, request.DisplayName, cancellationToken);
        var tokens = await sessions.StartAsync(user, cancellationToken);
        return TypedResults.Created("/api/v1/me", new RegisterResponse(UserResponse.From(user), tokens));
    }
}
