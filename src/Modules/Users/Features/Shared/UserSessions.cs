using Microsoft.EntityFrameworkCore;
using Platform.Users.Data;

namespace Platform.Users.Features.Shared;

/// <summary>Ends every session of a user: access tokens by version, refresh tokens by revocation.</summary>
internal sealed class UserSessions(UsersDbContext db, TimeProvider clock)
{
    public async Task EndAllAsync(User user, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        user.RevokeAccessTokens(now);
        await db.RefreshTokens
            .Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
