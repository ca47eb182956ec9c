using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Audit.Contracts;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Paging;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Validation;
using Platform.Users.Data;
using Platform.Users.Features.Shared;
using Platform.Users.Limits;

namespace Platform.Users.Features.ManageUsers;

/// <summary>Owners and admins manage the people of their tenant.</summary>
internal static class ManageUsersEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("The tenant's users, paginated.");
        users.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Adds a user with a password to the tenant.")
            .Validate<CreateUserRequest>().ProducesProblem(StatusCodes.Status402PaymentRequired).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPatch("/{id:guid}/role", ChangeRoleAsync).WithName("ChangeUserRole").WithSummary("Changes a user's role; their sessions end.")
            .Validate<ChangeRoleRequest>();
        users.MapPost("/{id:guid}/deactivate", DeactivateAsync).WithName("DeactivateUser").WithSummary("Deactivates a user; their tokens stop working at once.");
        users.MapPost("/{id:guid}/activate", ActivateAsync).WithName("ActivateUser").WithSummary("Lets a deactivated user sign in again.")
            .ProducesProblem(StatusCodes.Status402PaymentRequired);
    }

    private static async Task<Ok<PagedList<UserResponse>>> ListAsync(
        UsersDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 20)
    {
        var request = new PageRequest(page, pageSize);
        var query = db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ThenBy(u => u.Id);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.Skip(request.Skip).Take(request.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<UserResponse>(items.Select(UserResponse.From).ToList(), request.Page, request.PageSize, total));
    }

    private static async Task<Created<UserResponse>> CreateAsync(
        CreateUserRequest request, HttpContext context, UsersDbContext db, UserAdministration administration, IPlanLimitGuard limits,
        IAuditTrail audit, CancellationToken cancellationToken)
    {
        RoleRules.EnsureMayAssign(await db.CallerAsync(context, cancellationToken), request.Role);
        await limits.EnsureAsync(PlanLimit.Seats, 1, SeatsUsage.Usage.Query, cancellationToken);
        var user = await administration.AddAsync(request.Email, request.Password, request.Role, request.DisplayName, cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.UserCreated, user.Id) { After = new { user.Email, user.Role } }, cancellationToken);
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user));
    }

    private static async Task<Ok<UserResponse>> ChangeRoleAsync(
        Guid id, ChangeRoleRequest request, HttpContext context, UsersDbContext db, UserSessions sessions, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var (actor, target) = await LoadAsync(db, context, id, cancellationToken);
        RoleRules.EnsureMayManage(actor, target);
        RoleRules.EnsureMayAssign(actor, request.Role);
        if (request.Role != TenantRole.Owner)
        {
            await RoleRules.EnsureAnotherActiveOwnerAsync(db, target, cancellationToken);
        }
        await audit.RecordAsync(new AuditRecord(AuditAction.UserRoleChanged, target.Id) { Before = new { target.Role }, After = new { request.Role } }, cancellationToken);
        target.Role = request.Role;
        // Tokens carry the role: old ones must not keep the old powers.
        await sessions.EndAllAsync(target, "role changed", cancellationToken);
        return TypedResults.Ok(UserResponse.From(target));
    }

    private static async Task<Ok<UserResponse>> DeactivateAsync(
        Guid id, HttpContext context, UsersDbContext db, UserSessions sessions, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var (actor, target) = await LoadAsync(db, context, id, cancellationToken);
        RoleRules.EnsureMayManage(actor, target);
        await RoleRules.EnsureAnotherActiveOwnerAsync(db, target, cancellationToken);
        target.IsActive = false;
        await sessions.EndAllAsync(target, "deactivated", cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.UserDeactivated, target.Id), cancellationToken);
        return TypedResults.Ok(UserResponse.From(target));
    }

    private static async Task<Ok<UserResponse>> ActivateAsync(
        Guid id, HttpContext context, UsersDbContext db, IPlanLimitGuard limits, TimeProvider clock, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var (actor, target) = await LoadAsync(db, context, id, cancellationToken);
        RoleRules.EnsureMayManage(actor, target);
        await limits.EnsureAsync(PlanLimit.Seats, target.IsActive ? 0 : 1, SeatsUsage.Usage.Query, cancellationToken);
        target.IsActive = true;
        target.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.UserActivated, target.Id), cancellationToken);
        return TypedResults.Ok(UserResponse.From(target));
    }

    // Row-level security makes another tenant's user simply not found.
    private static async Task<(User Actor, User Target)> LoadAsync(UsersDbContext db, HttpContext context, Guid id, CancellationToken cancellationToken)
    {
        var actor = await db.CallerAsync(context, cancellationToken);
        var target = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw ProblemException.NotFound("The user");
        return (actor, target);
    }
}
