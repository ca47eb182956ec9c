using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.Users.Data;

namespace Platform.Users.Features.ManageUsers;

/// <summary>Who may change whom: only owners touch owners, nobody changes themselves, and a tenant always keeps an active owner.</summary>
internal static class RoleRules
{
    public static void EnsureMayAssign(User actor, TenantRole role)
    {
        if (role == TenantRole.Owner && actor.Role != TenantRole.Owner)
        {
            throw ProblemException.Forbidden("Only an owner may make someone an owner.");
        }
    }

    public static void EnsureMayManage(User actor, User target)
    {
        if (actor.Id == target.Id)
        {
            throw ProblemException.Forbidden("You cannot change your own role or status.");
        }
        if (target.Role == TenantRole.Owner && actor.Role != TenantRole.Owner)
        {
            throw ProblemException.Forbidden("Only an owner may change another owner.");
        }
    }

    public static async Task EnsureAnotherActiveOwnerAsync(UsersDbContext db, User leaving, CancellationToken cancellationToken)
    {
        if (leaving.Role == TenantRole.Owner &&
            !await db.Users.AnyAsync(u => u.Id != leaving.Id && u.Role == TenantRole.Owner && u.IsActive, cancellationToken))
        {
            throw ProblemException.Conflict("The tenant must keep at least one active owner.");
        }
    }
}
