using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Security;
using Platform.Users.Contracts;
using Platform.Users.Data;

namespace Platform.Users.Features.Shared;

internal sealed class UserContacts(UsersDbContext db) : IUserContacts
{
    public Task<IReadOnlyList<UserContact>> AdministratorsAsync(CancellationToken cancellationToken) =>
        ActiveAsync([TenantRole.Owner, TenantRole.Admin], cancellationToken);

    public Task<IReadOnlyList<UserContact>> OwnersAsync(CancellationToken cancellationToken) => ActiveAsync([TenantRole.Owner], cancellationToken);

    private async Task<IReadOnlyList<UserContact>> ActiveAsync(TenantRole[] roles, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.IsActive && roles.Contains(u.Role))
            .OrderBy(u => u.CreatedAt)
            .Select(u => new UserContact(u.Id, u.Email, u.DisplayName))
            .ToListAsync(cancellationToken);
}
