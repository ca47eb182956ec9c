using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Validation;
using Platform.Users.Features.Shared;

namespace Platform.Users.Features.Register;

internal static class RegisterEndpoint
{
    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/register", HandleAsync)
        .WithName("Register")
        .WithSummary("Creates a tenant and its owner and mails the owner a link to verify the address; then sign in with POST /auth/login.")
        .WithDescription("Answers 202 with the same body whether or not the email already had an account, " +
            "so that registration does not tell who has one; an existing account is left as it was.")
        .AllowAnonymous()
        .Validate<RegisterRequest>();

    private static async Task<Accepted<RegistrationAccepted>> HandleAsync(
        RegisterRequest request, HttpContext context, AccountRegistration registration, EmailVerificationMail verificationMail, SignInDevices devices,
        CancellationToken cancellationToken)
    {
        if (await registration.TryCreateOwnerAsync(request.TenantName, request.Email, request.Password, request.DisplayName, cancellationToken) is { } owner)
        {
            // The device that registered is the owner's first, so signing in from it next tells them nothing new.
            await devices.RecognizeAsync(owner, context, cancellationToken);
            await verificationMail.SendAsync(owner, cancellationToken);
        }
        return TypedResults.Accepted((string?)null, RegistrationAccepted.Neutral);
    }
}
