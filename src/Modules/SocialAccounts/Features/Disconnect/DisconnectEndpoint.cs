using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Audit.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Tokens;

namespace Platform.SocialAccounts.Features.Disconnect;

/// <summary>
/// Removes an account and its tokens, revoking the grant at the platform where it offers revocation. A platform that
/// cannot be reached, or tokens that cannot be read, do not keep the account connected here. The tokens are read in one
/// short unit of work and the account removed in another, so no connection waits on the platform.
/// </summary>
internal static class DisconnectEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapDelete("/{id:guid}", HandleAsync)
            .RequireAuthorization(Policies.Editor)
            .WithOwnUnitsOfWork()
            .WithName("DisconnectSocialAccount");

    public static async Task<Ok<DisconnectResponse>> HandleAsync(
        Guid id, ITenantContext tenant, IServiceScopeFactory scopes, PlatformClientFactory clients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredTenantId;
        var logger = loggers.CreateLogger(typeof(DisconnectEndpoint));
        var (platform, credentials) = await scopes.RunAsync(tenantId, async services =>
        {
            var account = await services.GetRequiredService<SocialAccountsDbContext>().Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                ?? throw ProblemException.NotFound("The social account");
            try
            {
                return (account.Platform, await services.GetRequiredService<AccountTokens>().DecryptAsync(account, cancellationToken));
            }
            catch (PlatformException unreadable)
            {
                logger.LogWarning("Account {AccountId} has unreadable tokens ({Kind}); disconnecting without revoking", id, unreadable.Kind);
                return (account.Platform, (AccountCredentials?)null);
            }
        }, cancellationToken);
        var revoked = false;
        if (credentials is not null)
        {
            try
            {
                revoked = await clients.For(platform).RevokeAsync(credentials, cancellationToken);
            }
            catch (PlatformException failure)
            {
                logger.LogWarning("Revoking account {AccountId} on {Platform} failed ({Kind}); disconnecting anyway", id, platform, failure.Kind);
            }
        }
        // The account is removed and its removal audited in one unit of work, after the platform call.
        var removed = await scopes.RunAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<SocialAccountsDbContext>();
            if (await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } account)
            {
                return false;
            }
            db.Accounts.Remove(account);
            await db.SaveChangesAsync(cancellationToken);
            await services.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord(AuditAction.AccountDisconnected, id)
            {
                Before = new { account.Platform, account.Handle },
                After = new { RevokedAtPlatform = revoked },
            }, cancellationToken);
            return true;
        }, cancellationToken);
        return removed ? TypedResults.Ok(new DisconnectResponse(id, revoked)) : throw ProblemException.NotFound("The social account");
    }
}
