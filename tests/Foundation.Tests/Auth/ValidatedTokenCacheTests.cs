using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using Platform.Host.Auth;
using Shouldly;

namespace Platform.Foundation.Tests.Auth;

/// <summary>A verified token is remembered by its exact text, and never past its own expiry.</summary>
public sealed class ValidatedTokenCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly ClaimsPrincipal principal = new(new ClaimsIdentity([new Claim("sub", "user")], "Bearer"));

    [Test]
    public void A_verified_token_is_found_by_its_exact_text_only()
    {
        using var cache = new ValidatedTokenCache(clock);
        cache.Add("header.payload.signature", principal, clock.GetUtcNow().UtcDateTime.AddMinutes(15));

        cache.TryGet("header.payload.signature", out var found).ShouldBeTrue();
        found.ShouldBeSameAs(principal);
        cache.TryGet("header.payload.signaturf", out _).ShouldBeFalse();
    }

    [Test]
    public void An_entry_ends_with_its_tokens_expiry()
    {
        using var cache = new ValidatedTokenCache(clock);
        cache.Add("token", principal, clock.GetUtcNow().UtcDateTime.AddMinutes(15));

        clock.Advance(TimeSpan.FromMinutes(15));

        cache.TryGet("token", out _).ShouldBeFalse();
    }

    [Test]
    public void An_already_expired_token_is_not_remembered()
    {
        using var cache = new ValidatedTokenCache(clock);

        cache.Add("token", principal, clock.GetUtcNow().UtcDateTime.AddSeconds(-1));

        cache.TryGet("token", out _).ShouldBeFalse();
    }
}
