using Microsoft.EntityFrameworkCore;
using Platform.SharedKernel.Data;
using Platform.Users.Contracts;
using Platform.Users.Credentials;
using Platform.Users.Data;

namespace Platform.Users.PlatformAdmins;

internal sealed class PlatformAdminGrants(DbSession session, UsersDbContext db, CredentialDirectory directory) : IPlatformAdminGrants
{
    public async Task<bool> GrantAsync(string email, CancellationToken cancellationToken)
    {
        if (await directory.FindByEmailAsync(User.Normalize(email), cancellationToken) is not { } found)
        {
            return false;
        }
        await session.UseTenantAsync(found.TenantId, cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == found.UserId, cancellationToken);
        user.IsPlatformAdmin = true;
        user.TokenVersion++;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
