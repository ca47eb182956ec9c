using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Audit.Contracts;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.Users.Contracts;
using Platform.Users.Credentials;
using Platform.Users.Data;
using Platform.Users.Features.ManageUsers;
using Platform.Users.Features.Shared;
using Platform.Users.Limits;
using Platform.Users.Tokens;

namespace Platform.Users.Features.Invitations;

/// <summary>Owners and admins invite people to their tenant, see who has not answered yet, and withdraw invitations.</summary>
internal static class ManageInvitationsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var invitations = api.MapGroup("/users/invitations").WithTags("Users").RequireAuthorization(Policies.Admin);
        invitations.MapPost("/", CreateAsync)
            .WithName("InviteUser")
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("Invites someone to the tenant with a role and mails them the link; the answer holds the token too (valid Users:Invitations:Lifetime, 7 days by default).")
            .Validate<InviteUserRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        invitations.MapGet("/", ListPendingAsync)
            .WithName("ListPendingInvitations")
            .WithSummary("The tenant's invitations not yet accepted, revoked or expired, newest first, paginated.");
        invitations.MapPost("/{id:guid}/revoke", RevokeAsync)
            .WithName("RevokeInvitation")
            .WithSummary("Withdraws an invitation: its token no longer works.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Created<CreatedInvitation>> CreateAsync(
        InviteUserRequest request, HttpContext context, UsersDbContext db, CredentialDirectory directory, IOptions<InvitationOptions> options,
        MailTokenSecrets secrets, Outbox outbox, IPlanLimitGuard limits, IAuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var inviter = await db.CallerAsync(context, cancellationToken);
        RoleRules.EnsureMayAssign(inviter, request.Role);
        if (await directory.FindByEmailAsync(User.Normalize(request.Email), cancellationToken) is not null)
        {
            throw ProblemException.Conflict("An account with this email already exists.");
        }
        await limits.EnsureAsync(PlanLimit.Seats, 1, SeatsUsage.Usage.Query, cancellationToken);
        var (invitation, token) = UserInvitation.Create(inviter.TenantId, request.Email, request.Role, inviter.Id, clock.GetUtcNow(), options.Value.Lifetime, secrets);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.InvitationCreated, invitation.Id) { After = new { invitation.Email, invitation.Role, invitation.ExpiresAt } }, cancellationToken);
        await outbox.AddAsync([new UserInvited
        {
            TenantId = invitation.TenantId,
            OccurredAt = invitation.CreatedAt,
            InvitationId = invitation.Id,
            Email = invitation.Email,
            Role = invitation.Role.ToString(),
            InvitedBy = inviter.DisplayName ?? inviter.Email,
            ExpiresAt = invitation.ExpiresAt,
        }], cancellationToken);
        return TypedResults.Created(
            $"/api/v1/users/invitations/{invitation.Id}",
            new CreatedInvitation(invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt, token.Encode()));
    }

    private static async Task<Ok<PagedList<PendingInvitation>>> ListPendingAsync(
        UsersDbContext db, TimeProvider clock, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var request = new PageRequest(page, pageSize);
        var now = clock.GetUtcNow();
        var query = db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.Skip(request.Skip).Take(request.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<PendingInvitation>(items.Select(PendingInvitation.From).ToList(), request.Page, request.PageSize, total));
    }

    // Row-level security makes another tenant's invitation simply not found.
    private static async Task<NoContent> RevokeAsync(
        Guid id, HttpContext context, UsersDbContext db, TimeProvider clock, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw ProblemException.NotFound("The invitation");
        invitation.Revoke(context.User.RequiredUserId(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.InvitationRevoked, invitation.Id) { After = new { invitation.Email } }, cancellationToken);
        return TypedResults.NoContent();
    }
}
