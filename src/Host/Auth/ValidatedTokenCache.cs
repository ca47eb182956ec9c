using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace Platform.Host.Auth;

/// <summary>
/// Access tokens whose signature, issuer, audience and lifetime this host has already checked, by their exact text, so a
/// client's next request skips parsing and verifying the same token again. Only the signature work is skipped: whether
/// the token is still current (logout, deactivation, password change) is checked on every request, and an entry never
/// outlives the token's own expiry. The principal is shared by those requests and must not be changed.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider clock) : IDisposable
{
    private const int Capacity = 20_000;

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public bool TryGet(string token, out ClaimsPrincipal principal)
    {
        if (entries.TryGetValue(token, out (ClaimsPrincipal Principal, DateTime ValidTo) entry) && clock.GetUtcNow().UtcDateTime < entry.ValidTo)
        {
            principal = entry.Principal;
            return true;
        }
        principal = null!;
        return false;
    }

    public void Add(string token, ClaimsPrincipal principal, DateTime validToUtc)
    {
        var left = validToUtc - clock.GetUtcNow().UtcDateTime;
        if (left <= TimeSpan.Zero)
        {
            return;
        }
        // Relative: the cache evicts on its own clock; TryGet still compares with ours.
        entries.Set(token, (principal, validToUtc), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = left });
    }

    public void Dispose() => entries.Dispose();
}
