using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Validation;
using Platform.Users.Data;
using Platform.Users.Features.ManageUsers;
using Platform.Users.Features.Shared;
using Platform.Users.Tokens;

namespace Platform.Users.Features.Invitations;

/// <summary>
/// The invitee sets a password and becomes a user of the inviting tenant with the invited role. Anonymous, yet
/// row-level security stays on: the token names its tenant, and under that tenant the invitation must exist and its
/// stored hash match the token's secret. The invitation's row lock makes two simultaneous accepts create one user.
/// </summary>
internal static class AcceptInvitationEndpoint
{
    private static ProblemException Invalid() => ProblemException.BadRequest("The invitation token is not valid.");

    public static void Map(IEndpointRouteBuilder auth) => auth
        .MapPost("/accept-invitation", AcceptAsync)
        .WithName("AcceptInvitation")
        .WithSummary("Creates the invited user with their password and signs them in; each invitation works once.")
        .AllowAnonymous()
        .Validate<AcceptInvitationRequest>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status410Gone);

    private static async Task<Created<AcceptedInvitationResponse>> AcceptAsync(
        AcceptInvitationRequest request, HttpContext context, DbSession session, UsersDbContext db, UserAdministration administration,
        SessionIssuer sessions, SignInDevices devices, IAuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!InvitationToken.TryParse(request.InvitationToken, out var token))
        {
            throw Invalid();
        }
        await session.UseTenantAsync(token.TenantId, cancellationToken);
        var invitation = (await db.Invitations
                .FromSql($"SELECT * FROM users.user_invitations WHERE id = {token.InvitationId} FOR UPDATE")
                .ToListAsync(cancellationToken))
            .SingleOrDefault();
        if (invitation is null || !invitation.IsProvenBy(token))
        {
            throw Invalid();
        }
        invitation.EnsureAcceptable(clock.GetUtcNow());
        var user = await administration.AddAsync(invitation.Email, request.Password, invitation.Role, request.DisplayName, cancellationToken);
        invitation.Accept(user.Id, clock.GetUtcNow());
        // The invitation reached this address by mail, which is what verifying it proves.
        user.MarkEmailVerified(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await devices.RecognizeAsync(user, context, cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.InvitationAccepted, invitation.Id) { ActorUserId = user.Id, After = new { UserId = user.Id, user.Email, user.Role } }, cancellationToken);
        var tokens = await sessions.StartAsync(user, cancellationToken);
        return TypedResults.Created("/api/v1/me", new AcceptedInvitationResponse(UserResponse.From(user), tokens));
    }
}
