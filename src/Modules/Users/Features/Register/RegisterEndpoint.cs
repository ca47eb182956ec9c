using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Validation;

namespace Platform.Users.Features.Register;

internal static class RegisterEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/register", HandleAsync)
        .WithName("Register")
        .WithSummary("Creates a tenant and its owner; then sign in with POST /auth/login.")
        .WithDescription("Answers 202 with the same body whether or not the email already had an account, " +
            "so that registration does not tell who has one; an existing account is left as it was.")
        .AllowAnonymous()
        .Validate<RegisterRequest>();

    private static async Task<Accepted<RegistrationAccepted>> HandleAsync(
        RegisterRequest request, AccountRegistration registration, CancellationToken cancellationToken)
    {
        await registration.TryCreateOwnerAsync(request.TenantName, request.Email, request.Password, request.DisplayName, cancellationToken);
        return TypedResults.Accepted((string?)null, RegistrationAccepted.Neutral);
    }
}
