using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.Users.Credentials;
using Platform.Users.Data;
using Platform.Users.Features.ManageUsers;
using Platform.Users.Features.Register;
using Platform.Users.Tokens;

namespace Platform.Users.Features.Invitations;

internal sealed record InviteUserRequest(string Email, TenantRole Role);

internal sealed record Invitation(string InvitationToken, DateTimeOffset ExpiresAt);

internal sealed record AcceptInvitationRequest(string InvitationToken, string Password, string? DisplayName);

internal sealed class InviteUserRequestValidator : AbstractValidator<InviteUserRequest>
{
    public InviteUserRequestValidator()
    {
        RuleFor(r => r.Email).ValidEmail();
        RuleFor(r => r.Role).IsInEnum();
    }
}

internal sealed class AcceptInvitationRequestValidator : AbstractValidator<AcceptInvitationRequest>
{
    public AcceptInvitationRequestValidator()
    {
        RuleFor(r => r.InvitationToken).NotEmpty().MaximumLength(4096);
        RuleFor(r => r.Password).StrongPassword();
        RuleFor(r => r.DisplayName).MaximumLength(200);
    }
}

/// <summary>
/// An invitation is a signed, expiring token naming tenant, email and role; no table needed. It can be
/// accepted once: the email then exists and a second acceptance conflicts.
/// </summary>
internal static class InvitationEndpoints
{
    private const string Audience = "platform-invitation";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static void MapInvite(IEndpointRouteBuilder api) => api
        .MapPost("/users/invitations", InviteAsync)
        .WithTags("Users")
        .WithName("InviteUser")
        .WithSummary("Invites someone to the tenant with a role; send them the token (valid 7 days).")
        .RequireAuthorization(Policies.Admin)
        .Validate<InviteUserRequest>()
        .ProducesProblem(StatusCodes.Status409Conflict);

    public static void MapAccept(IEndpointRouteBuilder auth) => auth
        .MapPost("/accept-invitation", AcceptAsync)
        .WithName("AcceptInvitation")
        .WithSummary("Creates the invited user with their password and signs them in.")
        .AllowAnonymous()
        .Validate<AcceptInvitationRequest>()
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Ok<Invitation>> InviteAsync(
        InviteUserRequest request, HttpContext context, UsersDbContext db, CredentialDirectory directory, AccessTokenIssuer issuer,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var inviter = await db.CallerAsync(context, cancellationToken);
        RoleRules.EnsureMayAssign(inviter, request.Role);
        if (await directory.FindByEmailAsync(User.Normalize(request.Email), cancellationToken) is not null)
        {
            throw ProblemException.Conflict("An account with this email already exists.");
        }
        var token = issuer.Sign(Audience, new Dictionary<string, object>
        {
            [PlatformClaims.TenantId] = inviter.TenantId.ToString(),
            ["email"] = request.Email.Trim(),
            [PlatformClaims.Role] = request.Role.ToString().ToLowerInvariant(),
            ["invited_by"] = inviter.Id.ToString(),
        }, Lifetime);
        return TypedResults.Ok(new Invitation(token, clock.GetUtcNow() + Lifetime));
    }

    private static async Task<Created<RegisterResponse>> AcceptAsync(
        AcceptInvitationRequest request, DbSession session, AccessTokenIssuer issuer, UserAdministration administration, SessionIssuer sessions,
        CancellationToken cancellationToken)
    {
        var claims = await issuer.ReadAsync(request.InvitationToken, Audience)
            ?? throw ProblemException.BadRequest("The invitation is invalid or has expired.");
        var tenantId = Guid.Parse(Text(claims[PlatformClaims.TenantId]));
        var role = Enum.Parse<TenantRole>(Text(claims[PlatformClaims.Role]), ignoreCase: true);
        await session.UseTenantAsync(tenantId, cancellationToken);
        var user = await administration.AddAsync(Text(claims["email"]), request.Password, role, request.DisplayName, cancellationToken);
        var tokens = await sessions.StartAsync(user, cancellationToken);
        return TypedResults.Created("/api/v1/me", new RegisterResponse(UserResponse.From(user), tokens));
    }

    private static string Text(object value) => value is JsonElement element ? element.GetString()! : value.ToString()!;
}
