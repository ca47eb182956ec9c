using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Tokens;

namespace Platform.SocialAccounts.Features.Disconnect;

/// <summary>
/// Removes an account and its tokens, revoking the grant at the platform where it offers revocation. A platform that
/// cannot be reached, or tokens that cannot be read, do not keep the account connected here.
/// </summary>
internal static class DisconnectEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapDelete("/{id:guid}", HandleAsync)
            .RequireAuthorization(Policies.Editor)
            .WithName("DisconnectSocialAccount");

    public static async Task<Ok<DisconnectResponse>> HandleAsync(
        Guid id, SocialAccountsDbContext db, AccountTokens tokens, PlatformClientFactory clients, ILoggerFactory loggers, IAuditTrail audit,
        CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw ProblemException.NotFound("The social account");
        var revoked = false;
        try
        {
            var credentials = await tokens.DecryptAsync(account, cancellationToken);
            revoked = await clients.For(account.Platform).RevokeAsync(credentials, cancellationToken);
        }
        catch (PlatformException failure)
        {
            loggers.CreateLogger(typeof(DisconnectEndpoint)).LogWarning(
                "Revoking account {AccountId} on {Platform} failed ({Kind}); disconnecting anyway", account.Id, account.Platform, failure.Kind);
        }
        db.Accounts.Remove(account);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(AuditAction.AccountDisconnected, id) { Before = new { account.Platform, account.Handle }, After = new { RevokedAtPlatform = revoked } }, cancellationToken);
        return TypedResults.Ok(new DisconnectResponse(id, revoked));
    }
}
