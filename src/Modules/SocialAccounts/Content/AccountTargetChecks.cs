using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.SharedKernel.Data;
using Platform.SharedKernel.Tenancy;
using Platform.SocialAccounts.Contracts;
using Platform.SocialAccounts.Data;
using Platform.SocialAccounts.Platforms;
using Platform.SocialAccounts.Platforms.TikTok;
using Platform.SocialAccounts.Tokens;

namespace Platform.SocialAccounts.Content;

/// <summary>
/// Holds a target against what its account has on the platform (<see cref="ISocialAccounts.CheckTargetAsync"/>). Every
/// platform call goes through <see cref="AccountCalls"/>, so no connection waits on the platform. A platform that cannot
/// be asked (timeout, 5xx, rate limit) makes the check <see cref="TargetCheckOutcome.PlatformUnavailable"/>: the target
/// is neither refused nor passed on a guess.
/// </summary>
internal sealed class AccountTargetChecks(
    IServiceScopeFactory scopes, ITenantContext tenant, AccountCalls calls, IMemoryCache cache, PlatformCatalog catalog)
{
    /// <summary>
    /// Boards and creator info change rarely and only by the user's hand; a minute spares the platform the same question
    /// from a form that asks it and a schedule that follows, while an edit on the platform shows soon.
    /// </summary>
    internal static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    public async Task<TargetCheck> CheckAsync(Guid accountId, PostContent content, CancellationToken cancellationToken)
    {
        var platform = await PlatformOfAsync(accountId, cancellationToken);
        if (platform is null)
        {
            return TargetCheck.Refused([new ContentViolation("account", "The account is not connected in this tenant.")]);
        }
        try
        {
            return TargetCheck.Refused(await catalog[platform.Value].CheckTargetAsync(Lookup(accountId), content, cancellationToken));
        }
        catch (PlatformException failure) when (failure.Kind is PlatformErrorKind.TokenExpired or PlatformErrorKind.TokenRevoked)
        {
            return TargetCheck.Refused([new ContentViolation("account", $"{platform} no longer accepts this account's authorization; reconnect it.")]);
        }
        catch (PlatformException failure) when (failure.Kind is PlatformErrorKind.Transient or PlatformErrorKind.RateLimited)
        {
            return TargetCheck.Unavailable($"{platform} could not be asked about this account ({failure.Message}).");
        }
        catch (PlatformException failure)
        {
            return TargetCheck.Refused([new ContentViolation("account", $"{platform} refused to tell what this account may post: {failure.Message}")]);
        }
        catch (KeyNotFoundException)
        {
            return TargetCheck.Refused([new ContentViolation("account", "The account is not connected in this tenant.")]);
        }
    }

    /// <summary>The creator's posting options, asked of TikTok at most once a <see cref="CacheFor"/> per account.</summary>
    /// <exception cref="NotTikTokException">The account is on a platform without creator info.</exception>
    public Task<TikTokCreatorInfo> CreatorInfoAsync(Guid accountId, CancellationToken cancellationToken) =>
        TikTokPlatform.CreatorInfoAsync(Lookup(accountId), cancellationToken, OnlyWithCreatorInfo);

    private TargetLookup Lookup(Guid accountId) => new(tenant.RequiredTenantId, accountId, calls, cache);

    private void OnlyWithCreatorInfo(SocialPlatform platform)
    {
        if (!catalog[platform].Can(PlatformCapabilities.CreatorInfo))
        {
            throw new NotTikTokException(platform);
        }
    }

    /// <summary>Read in a short unit of work of its own: the caller holds none while the platform is asked.</summary>
    private Task<SocialPlatform?> PlatformOfAsync(Guid accountId, CancellationToken cancellationToken) =>
        scopes.RunAsync(tenant.RequiredTenantId, services => services.GetRequiredService<SocialAccountsDbContext>().Accounts.AsNoTracking()
            .Where(a => a.Id == accountId).Select(a => (SocialPlatform?)a.Platform).SingleOrDefaultAsync(cancellationToken), cancellationToken);
}
