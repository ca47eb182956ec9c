using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Audit.Contracts;
using Platform.Billing.Contracts;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Errors;
using Platform.SharedKernel.Events;
using Platform.SharedKernel.Security;
using Platform.SharedKernel.Tenancy;
using Platform.SharedKernel.Validation;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Features.Shared;
using Platform.SocialAccounts.Limits;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Security;
using Platform.SocialAccounts.Tokens;

namespace Platform.SocialAccounts.Features.Connect;

/// <summary>
/// Finishes a connection: checks the state, exchanges the code at the platform, fetches the identities (every Page for
/// Facebook/Instagram) and stores them with encrypted tokens. A failure anywhere stores nothing. The platform is asked
/// before the unit of work opens, so no connection waits on it.
/// </summary>
internal static class ConnectEndpoint
{
    public static void Map(IEndpointRouteBuilder group) =>
        group.MapPost("/connect", HandleAsync)
            .RequireAuthorization(Policies.Editor)
            .Validate<ConnectRequest>()
            .WithOwnUnitsOfWork()
            .WithName("ConnectSocialAccount")
            .ProducesProblem(StatusCodes.Status402PaymentRequired);

    public static async Task<Ok<ConnectResponse>> HandleAsync(
        ConnectRequest request, ITenantContext tenant, OAuthStateService states, PlatformClientFactory clients,
        PendingSelections selections, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var platform = ConnectionProblems.ParsePlatform(request.Platform);
        var client = clients.For(platform);
        var tenantId = tenant.RequiredTenantId;
        var userId = tenant.UserId!.Value;
        // Instagram and Threads append "#_" to the redirect; it is not part of the code.
        var code = request.Code.EndsWith("#_", StringComparison.Ordinal) ? request.Code[..^2] : request.Code;
        var (rejection, state) = await states.ConsumeAsync(request.State, tenantId, userId, platform, request.RedirectUri, cancellationToken);
        if (rejection != StateRejection.None)
        {
            throw new ProblemException(400, "Invalid state", rejection switch
            {
                StateRejection.Expired => "The authorization state has expired; start the connection again.",
                StateRejection.Reused => "The authorization state was already used; start the connection again.",
                StateRejection.WrongCaller => "The authorization state was issued for another user, platform or redirect URI.",
                _ => "The authorization state is not valid.",
            }, new Dictionary<string, object?> { ["reason"] = rejection.ToString() });
        }

        IReadOnlyList<PlatformIdentity> identities;
        try
        {
            var granted = await client.ExchangeCodeAsync(code, request.RedirectUri, states.CodeVerifier(state!), cancellationToken);
            identities = await client.FetchIdentitiesAsync(granted, cancellationToken);
        }
        catch (PlatformException failure)
        {
            throw ConnectionProblems.FromConnect(failure);
        }
        if (identities.Count == 0)
        {
            throw ProblemException.Unprocessable($"The {platform} user has no account this platform can publish to (for Facebook/Instagram: no Page or linked professional account).");
        }

        var reconnecting = state!.AccountId;
        if (reconnecting is null && identities.Count > 1)
        {
            return TypedResults.Ok(new ConnectResponse([], await selections.HoldAsync(tenantId, userId, platform, identities, cancellationToken)));
        }
        return TypedResults.Ok(new ConnectResponse(await scopes.RunAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<SocialAccountsDbContext>();
            var chosen = identities;
            if (reconnecting is { } accountId)
            {
                var target = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken)
                    ?? throw ProblemException.NotFound("The account being reconnected");
                chosen = identities.Where(i => i.ExternalId == target.ExternalId).ToList();
                if (chosen.Count == 0)
                {
                    throw ProblemException.Conflict($"The {platform} authorization is for a different account than the one being reconnected.");
                }
            }
            return await StoreAsync(db, services.GetRequiredService<AccountTokens>(), services.GetRequiredService<Outbox>(),
                services.GetRequiredService<IPlanLimitGuard>(), services.GetRequiredService<IAuditTrail>(), clock, tenantId, userId,
                platform, chosen, cancellationToken);
        }, cancellationToken)));
    }

    /// <summary>
    /// Creates or updates (reconnects) one account per identity with its encrypted tokens. An account connected again
    /// raises <see cref="AccountReconnected"/>, so that what waited for it (Posts' paused targets) resumes; every one raises <see cref="AccountConnected"/>.
    /// Only new accounts count against the plan: a reconnect always goes through.
    /// </summary>
    public static async Task<IReadOnlyList<SocialAccountDto>> StoreAsync(
        SocialAccountsDbContext db, AccountTokens tokens, Outbox outbox, IPlanLimitGuard limits, IAuditTrail audit, TimeProvider clock, Guid tenantId, Guid userId,
        SocialPlatform platform,
        IReadOnlyList<PlatformIdentity> identities, CancellationToken cancellationToken)
    {
        var existing = await db.Accounts.Where(a => a.Platform == platform).ToListAsync(cancellationToken);
        var added = identities.Count(i => existing.All(a => a.ExternalId != i.ExternalId));
        await limits.EnsureAsync(PlanLimit.ConnectedAccounts, added, ConnectedAccountsUsage.Usage.Query, cancellationToken);
        var now = clock.GetUtcNow();
        var connected = new List<SocialAccount>();
        var reconnected = new List<AccountReconnected>();
        var announced = new List<AccountConnected>();
        foreach (var identity in identities)
        {
            var account = existing.SingleOrDefault(a => a.ExternalId == identity.ExternalId);
            var again = account is not null;
            if (account is null)
            {
                account = new SocialAccount { Id = Guid.NewGuid(), TenantId = tenantId, Platform = platform, ExternalId = identity.ExternalId, CreatedAt = now };
                db.Accounts.Add(account);
            }
            else
            {
                reconnected.Add(new AccountReconnected { TenantId = tenantId, OccurredAt = now, SocialAccountId = account.Id, Platform = platform });
            }
            account.DisplayName = identity.DisplayName;
            account.Handle = identity.Handle;
            account.AvatarUrl = identity.AvatarUrl;
            account.Metadata = new Dictionary<string, string>(identity.Metadata);
            account.ConnectedBy = userId;
            account.LastSyncAt = now;
            tokens.Store(account, identity.Tokens, now);
            connected.Add(account);
            announced.Add(new AccountConnected
            {
                TenantId = tenantId, OccurredAt = now, SocialAccountId = account.Id, Platform = platform, Handle = account.Handle, Again = again,
            });
        }
        await outbox.AddAsync(reconnected, cancellationToken);
        await outbox.AddAsync(announced, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var account in connected)
        {
            await audit.RecordAsync(new AuditRecord(AuditAction.AccountConnected, account.Id) { After = new { account.Platform, account.Handle, account.DisplayName } }, cancellationToken);
        }
        return connected.Select(a => a.ToDto()).ToList();
    }
}
