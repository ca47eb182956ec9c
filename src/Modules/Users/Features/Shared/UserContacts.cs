using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Security;
using Platform.Users.Contracts;
using Platform.Users.Data;

namespace Platform.Users.Features.Shared;

internal sealed class UserContacts(UsersDbContext db) : IUserContacts
{
    public async Task<IReadOnlyList<UserContact>> AdministratorsAsync(CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.Role == TenantRole.Owner || u.Role == TenantRole.Admin))
            .OrderBy(u => u.CreatedAt)
            .Select(u => new UserContact(u.Id, u.Email, u.DisplayName))
            .ToListAsync(cancellationToken);
}
